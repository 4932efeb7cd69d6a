// Pausing notifications and resuming them.
import { test, expect } from './fixtures'
import { NOW, busyState, seconds, signedIn } from './states'

test('the pause menu offers 15 minutes, 1 hour and until resumed', async ({ page, tray }) => {
  await tray.open(signedIn())
  const toggle = page.getByRole('button', { name: 'Pause notifications' })
  const choices: [string, number | null][] = [
    ['For 15 minutes', 15],
    ['For 1 hour', 60],
    ['Until I resume', null],
  ]
  for (const [label] of choices) {
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-expanded', 'true')
    if (label === 'For 15 minutes') await tray.snap('pause-menu')
    await page.getByRole('button', { name: label }).click()
    await expect(page.getByRole('group', { name: 'Pause notifications' })).toBeHidden()
  }
  expect((await tray.calls('pauseNotifications')).map((c) => c.args)).toEqual(
    choices.map(([, minutes]) => [minutes]),
  )
})

test('the menu closes with Escape or a click elsewhere, without pausing', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  const toggle = page.getByRole('button', { name: 'Pause notifications' })
  const menu = page.getByRole('group', { name: 'Pause notifications' })
  await toggle.click()
  await expect(menu).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(toggle).toBeFocused()
  await toggle.click()
  await page.getByRole('heading', { name: 'No calls right now' }).click()
  await expect(menu).toBeHidden()
  expect(await tray.calls('pauseNotifications')).toEqual([])
})

test('a timed pause shows until when, and Resume resumes', async ({ page, tray }) => {
  await tray.open(busyState({ pause: { until: NOW + seconds(30 * 60) } }))
  const banner = page.locator('[data-banner="paused"]')
  await expect(banner).toContainText('Notifications paused until 14:30')
  await tray.snap('paused-until')
  await banner.getByRole('button', { name: 'Resume' }).click()
  expect(await tray.calls('resumeNotifications')).toHaveLength(1)
  await tray.push(busyState())
  await expect(banner).toHaveCount(0)
})

test('a pause into tomorrow names the day', async ({ page, tray }) => {
  await tray.open(signedIn({ pause: { until: NOW + seconds(20 * 3600) } }))
  await expect(page.getByText('Notifications paused until Sat 10:00')).toBeVisible()
})

test('an open-ended pause says until you resume', async ({ page, tray }) => {
  await tray.open(signedIn({ pause: { until: null } }))
  await expect(page.getByText('Notifications paused until you resume')).toBeVisible()
  await tray.snap('paused-until-resumed')
})
