// Everything from the server is shown as text: markup stays inert and literal.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { busyState, call, peer, recentCall, signedIn, signedOut } from './states'

const NAME = '<img src=x onerror="window.__xss=1">'
const USERNAME = '"><svg onload=window.__xss=1>'
const SIP = '<script>window.__xss=1</script>'
const ERROR = '<img src=y onerror=alert(1)> & <b>bold</b>'
const FEATURE = '<iframe src=javascript:alert(1)>'

test.beforeEach(({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`)
  })
})

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.evaluate(() => '__xss' in window)).toBe(false)
  await expect(
    page.locator('#app img, #app script, #app iframe, #app b, #app svg[onload]'),
  ).toHaveCount(0)
}

test('names, usernames, extensions and feature names are shown literally', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({
      calls: [
        call('x1', { peer: peer(NAME, { username: USERNAME }), features: ['audio', FEATURE] }),
        call('x2', {
          peer: { id: SIP, displayName: SIP, username: null, sipExtension: SIP, kind: 'sip' },
          state: 'active',
        }),
        call('x3', { peer: peer('Ext', { username: null, sipExtension: SIP }), state: 'active' }),
      ],
      recent: [recentCall('r', { peer: peer(NAME) })],
    }),
  )
  await expect(page.locator('.call__name').first()).toHaveText(NAME)
  await expect(page.locator('.call__name').first()).toHaveAttribute('title', NAME)
  await expect(page.locator('.call__handle').first()).toHaveText(`@${USERNAME}`)
  await expect(page.locator('.feature-tag')).toHaveText(FEATURE)
  await expect(page.locator('[data-call-id="x2"] .call__name')).toHaveText(SIP)
  await expect(page.locator('[data-call-id="x3"] .call__handle')).toHaveText(`Ext. ${SIP}`)
  await expect(page.locator('.recent__name')).toHaveText(NAME)
  await expect(page.getByRole('button', { name: `Decline call from ${NAME}` })).toBeVisible()
  await expectNothingInjected(page)
  await tray.snap('xss-calls')
})

test('error messages and status details are shown literally', async ({ page, tray }) => {
  await tray.open(
    busyState({
      session: {
        signedIn: true,
        serverUrl: 'https://chat.example.com',
        user: { id: 'u', username: USERNAME, displayName: NAME },
      },
    }),
  )
  await expect(page.locator('.header__name')).toHaveText(NAME)
  // Declining takes a second, deliberate press.
  const decline = page.locator('[data-call-id="c-ring"]').getByRole('button', { name: 'Decline' })
  await decline.click()
  await decline.click()
  await tray.reply('declineCall', { ok: false, message: ERROR })
  await expect(page.locator('.call__error')).toHaveText(ERROR)
  await expectNothingInjected(page)

  await tray.push(
    signedIn({ calls: [], status: { state: 'offline', detail: ERROR, retryAt: null } }),
  )
  await expect(page.locator('.status-panel__detail')).toHaveText(ERROR)
  await tray.push(signedIn({ status: { state: 'unauthorized', detail: ERROR } }))
  await expect(page.getByRole('status')).toContainText(ERROR)
  await expectNothingInjected(page)
})

test('sign-in errors are shown literally', async ({ page, tray }) => {
  await tray.open(signedOut())
  const submit = page.getByRole('button', { name: 'Sign in' })
  await submit.click()
  await tray.reply('signIn', { ok: false, kind: 'error', field: 'user', message: ERROR })
  await expect(page.locator('#field-user-error')).toHaveText(ERROR)
  await submit.click()
  await tray.reply('signIn', { ok: false, kind: 'error', field: null, message: ERROR })
  await expect(page.getByRole('alert')).toHaveText(ERROR)
  await submit.click()
  await tray.reply('signIn', {
    ok: false,
    kind: 'two-factor-required',
    method: 'totp',
    message: ERROR,
  })
  await expect(page.getByText(ERROR)).toBeVisible()
  await expectNothingInjected(page)
  await tray.snap('xss-sign-in')
})
