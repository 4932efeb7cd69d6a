// The keyboard around a ringing call: a deliberate second press to decline, Enter to
// open Rocket.Chat, the global shortcut's focus, and the blocked-notifications banner.
import { expect, test } from './fixtures'
import { busyState } from './states'

test('Decline takes a second press within 3 s, and the first press times out', async ({
  page,
  tray,
}) => {
  await tray.open(busyState())
  const row = page.locator('[data-call-id="c-ring"]')
  const decline = row.getByRole('button', { name: 'Decline' })
  await decline.focus()
  await page.keyboard.press('Enter')
  await expect(decline).toHaveText('Press again to decline')
  expect(await tray.calls('declineCall')).toEqual([])
  await page.clock.runFor(3_000)
  await expect(decline).toHaveText('Decline')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  expect((await tray.calls('declineCall')).map((c) => c.args)).toEqual([['c-ring']])
})

test('Enter opens Rocket.Chat for the ringing call; the shortcut focuses it', async ({
  page,
  tray,
}) => {
  await tray.open(busyState())
  await page.locator('#content').focus()
  await page.keyboard.press('Enter')
  expect((await tray.calls('openRocketChatFor')).map((c) => c.args)).toEqual([['c-ring']])
  await page.evaluate(() => window.__callTray.focusCall('c-ring'))
  await expect(
    page.locator('[data-call-id="c-ring"]').getByRole('button', { name: /^Open Rocket\.Chat/ }),
  ).toBeFocused()
})

test('says when the computer blocks the notifications, with the way to allow them', async ({
  page,
  tray,
}) => {
  await tray.open(busyState({ notificationsBlocked: true }))
  await expect(page.getByText('Your computer blocks Call Tray’s notifications.')).toBeVisible()
  await page.getByRole('button', { name: 'Allow notifications' }).click()
  expect(await tray.calls('openNotificationSettings')).toHaveLength(1)
})
