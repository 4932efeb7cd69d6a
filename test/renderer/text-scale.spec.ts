// Text at 200 % (the root font size doubled; every font size is in rem) in the 360×480
// window: the window may scroll, but no text spills out of its box and no two controls
// overlap. Names cut with an ellipsis on purpose keep their whole text in a tooltip.
import type { Page } from '@playwright/test'
import type { AppState } from '../../common/ipc-contract'
import { test, expect } from './fixtures'
import { NOW, busyState, peer, recentCall, seconds, signedIn, signedOut } from './states'

interface Spill {
  element: string
  text: string
  overBy: number
}

/** Elements whose own text is wider than their box (a deliberate, titled ellipsis aside). */
function textSpills(page: Page): Promise<Spill[]> {
  return page.evaluate(() => {
    const describe = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`
    const spills: Spill[] = []
    for (const el of document.querySelectorAll<HTMLElement>('#app *')) {
      const ownText = [...el.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
      )
      if (!ownText || el.getClientRects().length === 0) continue
      const style = getComputedStyle(el)
      if (style.position === 'absolute' && style.clipPath !== 'none') continue // visually hidden
      const titled = style.textOverflow === 'ellipsis' && el.title.includes(el.textContent ?? '')
      const overBy = el.scrollWidth - el.clientWidth
      if (overBy > 1 && !titled)
        spills.push({ element: describe(el), text: el.textContent ?? '', overBy })
    }
    return spills
  })
}

/** Visible controls that stick out of the window's width (cut off by a card or the edge). */
function controlsOutside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll<HTMLElement>('#app :is(button, input, select, a[href])')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return box.left < -0.5 || box.right > width + 0.5
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName)
  })
}

/** Pairs of visible controls whose boxes intersect. */
function overlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>('#app :is(button, input, select, a[href])'),
    ].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    const name = (el: HTMLElement): string =>
      el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.id ?? el.tagName
    const overlaps: string[] = []
    controls.forEach((a, i) => {
      const ra = a.getBoundingClientRect()
      for (const b of controls.slice(i + 1)) {
        if (a.contains(b) || b.contains(a) || a.closest('label')?.contains(b)) continue
        const rb = b.getBoundingClientRect()
        const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left)
        const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top)
        if (across > 0.5 && down > 0.5) overlaps.push(`${name(a)} × ${name(b)}`)
      }
    })
    return overlaps
  })
}

async function expectUsableAt200Percent(page: Page, snap: () => Promise<void>): Promise<void> {
  const before = await page.evaluate(() => getComputedStyle(document.body).fontSize)
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  // The text did grow: every font size follows the root.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe(
    `${parseFloat(before) * 2}px`,
  )
  expect(await textSpills(page)).toEqual([])
  expect(await overlappingControls(page)).toEqual([])
  expect(await controlsOutside(page)).toEqual([])
  const sideways = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(sideways, 'no sideways scrolling').toBe(0)
  await snap()
}

const views: { name: string; state: AppState; settings?: boolean }[] = [
  { name: 'sign-in', state: signedOut() },
  { name: 'calls', state: busyState() },
  {
    name: 'banners above calls',
    state: busyState({
      status: { state: 'offline', detail: 'timeout', retryAt: NOW + seconds(8) },
      pause: { until: NOW + seconds(30 * 60) },
      notificationsBlocked: true,
    }),
  },
  {
    name: 'offline panel',
    state: signedIn({
      status: { state: 'rate-limited', detail: 'Too many requests', retryAt: NOW + seconds(90) },
      recent: [
        recentCall('r', { peer: peer('Barbara Liskov'), missedBecause: ['asleep', 'offline'] }),
      ],
    }),
  },
  { name: 'settings', state: signedIn(), settings: true },
]

for (const view of views) {
  test(`${view.name} stays usable with text at 200 %`, async ({ page, tray }) => {
    await tray.open(view.state)
    if (view.settings) await page.getByRole('button', { name: 'Settings' }).click()
    await expectUsableAt200Percent(page, () => tray.snap(`text-200-${view.name}`))
  })
}
