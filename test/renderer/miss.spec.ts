// Every miss explained: why a missed call was missed, and "Test ring" with each check's fix.
import type { SelfTestState } from '../../common/self-test'
import { test, expect } from './fixtures'
import { peer, recentCall, signedIn } from './states'

const results: SelfTestState = {
  running: false,
  finishedAt: 0,
  checks: [
    { id: 'server', ok: true, detail: 'Rocket.Chat 8.0.0 answers.', fix: null },
    {
      id: 'realtime',
      ok: false,
      detail: 'The live connection is down (<img src=x onerror=alert(1)>).',
      fix: 'Ask IT to let WebSocket connections to the server through the proxy or firewall.',
    },
  ],
}

test('a missed call in Recent says what the desk was doing while it rang', async ({
  page,
  tray,
}) => {
  await tray.open(
    signedIn({
      recent: [
        recentCall('away', {
          peer: peer('Barbara Liskov'),
          missedBecause: ['asleep', 'notifications-paused'],
        }),
        recentCall('plain', { peer: peer('Ada Lovelace'), endedAt: 0 }),
      ],
    }),
  )
  const items = page.getByRole('region', { name: 'Recent' }).getByRole('listitem')
  await expect(items.nth(0).locator('.recent__why')).toHaveText(
    'While it rang, the computer was asleep and notifications were paused.',
  )
  await expect(items.nth(1).locator('.recent__why')).toHaveCount(0)
})

test('Test ring in Settings asks main, then lists each check with its fix, as text', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await page.getByRole('button', { name: 'Settings' }).click()
  await page.getByRole('button', { name: 'Test ring' }).click()
  expect(await tray.calls('runSelfTest')).toHaveLength(1)
  await tray.push(signedIn({ selfTest: { running: true, checks: [], finishedAt: null } }))
  await expect(page.getByRole('button', { name: 'Test ring' })).toBeDisabled()
  await expect(page.getByRole('status').filter({ hasText: 'Testing…' })).toBeVisible()
  await tray.push(signedIn({ selfTest: results }))
  const checks = page.getByRole('list', { name: 'Test ring results' }).getByRole('listitem')
  await expect(checks.locator('.self-test__label')).toHaveText([
    'Server reachable',
    'Live connection',
  ])
  await expect(checks.locator('.self-test__verdict')).toHaveText(['OK', 'Problem'])
  await expect(checks.nth(1).locator('.self-test__detail')).toHaveText(
    'The live connection is down (<img src=x onerror=alert(1)>).',
  )
  await expect(checks.nth(1).locator('.self-test__fix')).toHaveText(
    'Fix: Ask IT to let WebSocket connections to the server through the proxy or firewall.',
  )
  await expect(page.locator('img')).toHaveCount(0)
  await expect(page.getByText('1 problem found.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Test ring' })).toBeEnabled()
})

test('Test ring from the tray opens Settings with the results', async ({ page, tray }) => {
  await tray.open(signedIn())
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'dashboard')
  await tray.push(signedIn({ selfTest: { running: true, checks: [], finishedAt: null } }))
  await expect(page.locator('#app')).toHaveAttribute('data-screen', 'settings')
  await tray.push(signedIn({ selfTest: results }))
  await expect(page.getByText('1 problem found.')).toBeVisible()
})
