// What a screen reader hears: each live region's text over time, recorded as it changes.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { NOW, call, peer, seconds, signedIn } from './states'

type Politeness = 'assertive' | 'polite'

/** Starts recording every non-empty text each announcer region takes from now on. */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const heard: Record<string, string[]> = { assertive: [], polite: [] }
    Object.assign(window, { __heard: heard })
    for (const region of document.querySelectorAll<HTMLElement>('[data-announcer]')) {
      const politeness = region.dataset.announcer ?? ''
      new MutationObserver(() => {
        const text = region.textContent
        if (text) heard[politeness]?.push(text)
      }).observe(region, { childList: true, characterData: true, subtree: true })
    }
  })
}

async function heard(page: Page, politeness: Politeness): Promise<string[]> {
  return page.evaluate(
    (which) => (window as unknown as { __heard: Record<string, string[]> }).__heard[which] ?? [],
    politeness,
  )
}

function region(page: Page, politeness: Politeness) {
  return page.locator(`[data-announcer="${politeness}"]`)
}

test('the live regions sit outside the screen that is rebuilt, and outside any timer', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn({ calls: [call('c1')] }))
  for (const politeness of ['assertive', 'polite'] as const) {
    await expect(region(page, politeness)).toHaveAttribute('aria-live', politeness)
    await expect(region(page, politeness)).toHaveAttribute('aria-atomic', 'true')
    await expect(page.locator('#app').locator(`[data-announcer="${politeness}"]`)).toHaveCount(0)
  }
  // No timer or countdown is inside a live region (role=timer is aria-live=off itself).
  const liveTimers = page.locator(
    '[aria-live]:not([aria-live="off"]) :is([role="timer"], .countdown), [role="status"] :is([role="timer"], .countdown)',
  )
  await expect(liveTimers).toHaveCount(0)
})

test('a new ringing call is announced assertively once, not on ticks or repeated pushes', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await listen(page)
  const ringing = signedIn({ calls: [call('c1')] })
  await tray.push(ringing)
  await expect(region(page, 'assertive')).toHaveText('Incoming call from Ada Lovelace.')

  // The call's timer ticks and polls repeat the same state: nothing new is said.
  await page.clock.runFor(seconds(5))
  await expect(page.locator('.call .timer')).toContainText('17')
  await tray.push(ringing)
  await tray.push(ringing)
  await page.clock.runFor(seconds(3))

  // A second call rings beside the first: only the new one is said.
  const second = call('c2', { peer: peer('Edsger Dijkstra'), since: NOW })
  await tray.push(signedIn({ calls: [call('c1'), second] }))
  await expect(region(page, 'assertive')).toHaveText('Incoming call from Edsger Dijkstra.')
  // Answered elsewhere, then ended: no more announcements.
  await tray.push(signedIn({ calls: [call('c1', { state: 'active' }), second] }))
  await page.clock.runFor(seconds(2))
  await tray.push(signedIn())

  expect(await heard(page, 'assertive')).toEqual([
    'Incoming call from Ada Lovelace.',
    'Incoming call from Edsger Dijkstra.',
  ])
})

test('a ringing call already there when the window opens is announced', async ({ page, tray }) => {
  await tray.open(signedIn({ calls: [call('c1'), call('c2', { peer: peer('Alan Kay') })] }))
  await expect(region(page, 'assertive')).toHaveText(
    'Incoming call from Ada Lovelace. Incoming call from Alan Kay.',
  )
})

test('connection and pause changes are announced politely, once, not per countdown tick', async ({
  page,
  tray,
}) => {
  await tray.open(signedIn())
  await expect(region(page, 'polite')).toHaveText('')
  await listen(page)
  const offline = signedIn({
    calls: [call('c1', { state: 'active' })],
    status: { state: 'offline', detail: 'timeout', retryAt: NOW + seconds(8) },
  })
  await tray.push(offline)
  await expect(region(page, 'polite')).toHaveText('Offline')
  await page.clock.runFor(seconds(3))
  await expect(page.locator('.countdown')).toHaveText('Retrying in 5 s')
  await tray.push(offline)
  await tray.push(signedIn())
  await expect(region(page, 'polite')).toHaveText('Back online')
  await tray.push(signedIn({ pause: { until: NOW + seconds(30 * 60) } }))
  await expect(region(page, 'polite')).toHaveText('Notifications paused until 14:30')
  await page.clock.runFor(seconds(2))
  await tray.push(signedIn({ pause: { until: NOW + seconds(30 * 60) } }))

  expect(await heard(page, 'polite')).toEqual([
    'Offline',
    'Back online',
    'Notifications paused until 14:30',
  ])
  expect(await heard(page, 'assertive')).toEqual([])
})
