// The settings screen: opening and closing it, what it shows, what each control asks for.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { settingsState, signedIn } from './states'

const MANAGED = 'Managed by your administrator'

function controls(page: Page) {
  return {
    ringtone: page.getByRole('switch', { name: 'Ringtone' }),
    volume: page.getByRole('slider', { name: 'Ringtone volume' }),
    outgoing: page.getByRole('switch', { name: 'Notify for outgoing calls' }),
    startAtLogin: page.getByRole('switch', { name: 'Start at login' }),
    poll: page.getByRole('combobox', { name: 'Shortest poll interval' }),
  }
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
}

test('opens from the gear and closes with Back, returning focus to the gear', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  const gear = page.getByRole('button', { name: 'Settings' })
  await gear.click()
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'settings')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused()
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'dashboard')
  await expect(gear).toBeFocused()
})

test('opens and closes with the keyboard alone', async ({ page, tray }) => {
  await tray.open(signedIn())
  const gear = page.getByRole('button', { name: 'Settings' })
  await gear.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused()
  const { ringtone, volume } = controls(page)
  await page.keyboard.press('Tab')
  await expect(ringtone).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(volume).toBeFocused()
  await tray.snap('settings-keyboard-focus')
  await page.keyboard.press('Escape')
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'dashboard')
  await expect(gear).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'settings')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(gear).toBeFocused()
})

test('shows the values from the state and follows pushes', async ({ page, tray }) => {
  const values = {
    ...settingsState().values,
    notifyOutgoingCalls: true,
    ringtone: { enabled: true, volume: 0.35 },
    startAtLogin: true,
    pollFloorSeconds: 10,
  }
  await tray.open(signedIn({ settings: settingsState({ values }) }))
  await openSettings(page)
  const c = controls(page)
  await expect(c.ringtone).toBeChecked()
  await expect(c.volume).toHaveValue('35')
  await expect(c.volume).toBeEnabled()
  await expect(page.getByText('35 %')).toBeVisible()
  await expect(c.outgoing).toBeChecked()
  await expect(c.startAtLogin).toBeChecked()
  await expect(c.poll).toHaveValue('10')
  await expect(page.getByText('The server’s rate limit still wins')).toBeVisible()
  await expect(page.getByText(MANAGED)).toHaveCount(0)
  await tray.snap('settings')
  await tray.push(
    signedIn({
      settings: settingsState({
        values: { ...values, ringtone: { enabled: false, volume: 0.35 }, pollFloorSeconds: 2 },
      }),
    }),
  )
  await expect(c.ringtone).not.toBeChecked()
  await expect(c.volume).toBeDisabled()
  await expect(c.poll).toHaveValue('2')
})

test('each control asks for just its own setting', async ({ page, tray }) => {
  await tray.open(signedIn())
  await openSettings(page)
  const c = controls(page)
  for (let i = 0; i < 6; i++) await tray.reply('updateSettings', { ok: true })
  await c.ringtone.click()
  await expect(c.volume).toBeDisabled()
  await c.ringtone.click()
  await c.volume.focus()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByText('75 %')).toBeVisible()
  await c.outgoing.click()
  await c.startAtLogin.check()
  await c.poll.selectOption('30')
  await expect
    .poll(async () => (await tray.calls('updateSettings')).map((call) => call.args))
    .toEqual([
      [{ ringtone: { enabled: false, volume: 0.8 } }],
      [{ ringtone: { enabled: true, volume: 0.8 } }],
      [{ ringtone: { enabled: true, volume: 0.75 } }],
      [{ notifyOutgoingCalls: true }],
      [{ startAtLogin: true }],
      [{ pollFloorSeconds: 30 }],
    ])
  await expect(c.outgoing).toBeChecked()
  await expect(c.poll).toHaveValue('30')
})

test('locked settings are disabled and say who manages them', async ({ page, tray }) => {
  await tray.open(
    signedIn({ settings: settingsState({ locked: ['ringtone', 'startAtLogin', 'serverUrl'] }) }),
  )
  await openSettings(page)
  const c = controls(page)
  await expect(c.ringtone).toBeDisabled()
  await expect(c.volume).toBeDisabled()
  await expect(c.startAtLogin).toBeDisabled()
  await expect(c.outgoing).toBeEnabled()
  await expect(c.poll).toBeEnabled()
  await expect(c.ringtone).toHaveAccessibleDescription(MANAGED)
  await expect(c.startAtLogin).toHaveAccessibleDescription(MANAGED)
  await expect(page.getByText(MANAGED)).toHaveCount(3)
  await tray.snap('settings-locked')
})

test('says how the sign-in is kept', async ({ page, tray }) => {
  const texts = [
    ['encrypted', 'Encrypted with this computer’s keyring'],
    ['weakly-protected', 'Stored with weak protection (no keyring on this computer)'],
    ['session-only', 'Kept for this session only'],
  ] as const
  await tray.open(signedIn())
  await openSettings(page)
  for (const [storage, text] of texts) {
    await tray.push(signedIn({ settings: settingsState({ signInStorage: storage }) }))
    await expect(page.getByText(text)).toBeVisible()
  }
  await tray.snap('settings-session-only')
})

test('shows why a change failed next to the control, and puts the control back', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await openSettings(page)
  const c = controls(page)
  const message = 'Start at login is set by your administrator and cannot be changed.'
  await c.startAtLogin.click()
  await tray.reply('updateSettings', { ok: false, message })
  const error = page.getByRole('alert')
  await expect(error).toHaveText(message)
  await expect(c.startAtLogin).toHaveAccessibleDescription(message)
  await expect(c.startAtLogin).not.toBeChecked()
  await tray.snap('settings-error')
  await c.startAtLogin.click()
  await expect(error).toHaveCount(0)
  await tray.reply('updateSettings', { ok: true })
})

test('a sign-out from elsewhere leaves the settings for the sign-in form', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await openSettings(page)
  await tray.push({ ...signedIn(), session: { signedIn: false, serverUrl: null } })
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'sign-in')
})
