// Windows high contrast (forced-colors: active): every state that colour alone told
// apart still differs in borders or system highlights. Screenshots under
// test-results/screenshots/ are for a person to look at.
import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures'
import { NOW, busyState, seconds } from './states'

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' })
})

async function look(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el)
    return [
      style.borderTopStyle,
      style.borderTopWidth,
      style.borderTopColor,
      style.backgroundColor,
    ].join(' ')
  })
}

test('ringing, calling and in-call rows and badges look different', async ({ page, tray }) => {
  await tray.open(busyState())
  const rows = ['incoming', 'calling', 'active'].map((tone) => page.locator(`.call--${tone}`))
  const badges = ['incoming', 'calling', 'active'].map((tone) => page.locator(`.badge--${tone}`))
  for (const badge of badges) {
    await expect(badge).not.toHaveCSS('border-top-style', 'none')
  }
  const rowLooks = await Promise.all(rows.map(look))
  const badgeLooks = await Promise.all(badges.map(look))
  expect(new Set(rowLooks).size, rowLooks.join(' | ')).toBe(2) // ringing vs the rest
  expect(new Set(badgeLooks).size, badgeLooks.join(' | ')).toBe(3)
  await tray.snap('forced-colors-calls')
})

test('focus and banners stay visible', async ({ page, tray }) => {
  await tray.open(
    busyState({
      status: { state: 'offline', detail: 'timeout', retryAt: NOW + seconds(8) },
      pause: { until: null },
      notificationsBlocked: true,
    }),
  )
  for (const banner of [
    page.locator('.banner[data-status="offline"]'),
    page.locator('[data-banner="paused"]'),
    page.locator('[data-banner="notifications-blocked"]'),
  ]) {
    await expect(banner).toHaveCSS('border-top-style', 'dashed')
  }
  const resume = page.getByRole('button', { name: 'Resume' })
  await resume.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(resume).toBeFocused()
  await expect(resume).toHaveCSS('outline-style', 'solid')
  await expect(resume).toHaveCSS('outline-width', '3px')
  await tray.snap('forced-colors-banners-focus')
})
