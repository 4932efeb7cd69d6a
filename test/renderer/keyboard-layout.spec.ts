// Keyboard reach, visible focus, the 360×480 fit, themes and reduced motion.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { NOW, busyState, call, peer, seconds, signedIn, signedOut } from './states'

interface Stop {
  name: string
  focusVisible: boolean
  outline: string
}

/** Where focus is now, and how it is drawn; null once focus leaves or comes back round. */
function focusStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body || el.hasAttribute('data-tabbed')) return null
    el.setAttribute('data-tabbed', '')
    // The method switch draws its ring on the visible pill next to the hidden radio.
    const drawn = el.matches('.segmented__input') ? (el.nextElementSibling as HTMLElement) : el
    const style = getComputedStyle(drawn)
    return {
      name: (
        el.getAttribute('aria-label') ||
        (el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : el.textContent) ||
        ''
      ).trim(),
      focusVisible: el.matches(':focus-visible'),
      outline:
        style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineStyle}`,
    }
  })
}

/** Tabs through the page once, from wherever focus is, and reports each stop. */
async function tabStops(page: Page, max: number): Promise<Stop[]> {
  const stops: Stop[] = []
  const first = await focusStop(page)
  if (first) stops.push(first)
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const stop = await focusStop(page)
    if (stop === null) break
    stops.push(stop)
  }
  return stops
}

test('Tab reaches every button, in order, with a visible focus ring', async ({ page, tray }) => {
  await tray.open(busyState({ pause: { until: NOW + seconds(15 * 60) } }))
  const stops = await tabStops(page, 20)
  expect(stops.map((s) => s.name)).toEqual([
    'Open Rocket.Chat',
    'Pause notifications',
    'Settings',
    'Sign out',
    'Resume',
    'Open Rocket.Chat to answer Ada Lovelace',
    'Decline call from Ada Lovelace',
  ])
  const buttons = await page
    .getByRole('button')
    .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length)
  expect(stops).toHaveLength(buttons)
  for (const stop of stops) {
    expect(stop.focusVisible, stop.name).toBe(true)
    expect(stop.outline, stop.name).toBe('2px solid')
  }
  // Back onto the last button, to see the ring drawn.
  await page.keyboard.press('Shift+Tab')
  await expect(page.getByRole('button', { name: 'Decline call from Ada Lovelace' })).toBeFocused()
  await tray.snap('keyboard-focus')
})

test('the pause menu works from the keyboard', async ({ page, tray }) => {
  await tray.open(busyState())
  const toggle = page.getByRole('button', { name: 'Pause notifications' })
  await toggle.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'For 15 minutes' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'For 1 hour' })).toBeFocused()
  await tray.snap('pause-menu-keyboard')
  await page.keyboard.press('Enter')
  expect((await tray.calls('pauseNotifications')).map((c) => c.args)).toEqual([[60]])
  await expect(toggle).toBeFocused()
})

test('keyboard focus survives a state push', async ({ page, tray }) => {
  await tray.open(busyState())
  const decline = page.getByRole('button', { name: 'Decline call from Ada Lovelace' })
  await decline.focus()
  await tray.push(busyState({ recent: [] }))
  await expect(decline).toBeFocused()
})

test('the sign-in form is reachable by keyboard', async ({ page, tray }) => {
  await tray.open(signedOut())
  await expect(page.getByLabel('Server address')).toBeFocused()
  const stops = await tabStops(page, 12)
  expect(stops.map((s) => s.name)).toEqual([
    'Server address',
    'Password',
    'Username or e-mail',
    'Password',
    'Sign in',
  ])
  for (const stop of stops) expect(stop.outline, stop.name).not.toBe('none')
})

test('three calls, two recent calls and a pause banner fit 360×480 without scrolling', async ({
  page,
  tray,
}) => {
  await tray.open(
    busyState({
      pause: { until: null },
      calls: [
        call('a', {
          peer: peer('Ada Lovelace'),
          features: ['audio', 'screen-share', 'transfer', 'hold'],
        }),
        call('b', { peer: peer('Grace Brewster Murray Hopper') }),
        call('c', { peer: peer('Hedy Lamarr') }),
      ],
    }),
  )
  const overflow = await page.evaluate(() => {
    const doc = document.scrollingElement as HTMLElement
    const content = document.querySelector('.content') as HTMLElement
    return {
      document: doc.scrollHeight - doc.clientHeight,
      content: content.scrollHeight - content.clientHeight,
      width: doc.scrollWidth - doc.clientWidth,
    }
  })
  expect(overflow).toEqual({ document: 0, content: 0, width: 0 })
  await expect(page.getByRole('region', { name: 'Recent' }).getByRole('listitem')).toHaveCount(2)
  await tray.snap('fit-three-ringing')
})

test('follows the OS colour scheme', async ({ page, tray }, testInfo) => {
  await tray.open(busyState())
  const scheme = testInfo.project.use.colorScheme
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(background).toBe(scheme === 'dark' ? 'rgb(19, 21, 24)' : 'rgb(243, 244, 246)')
  await tray.snap('theme')
})

test('the ringing pulse and connecting spinner stop for reduced motion', async ({ page, tray }) => {
  await tray.open(busyState())
  const avatar = page.locator('.call--incoming .avatar')
  await expect(avatar).toHaveCSS('animation-name', 'ring')
  await page.emulateMedia({ reducedMotion: 'reduce' })
  await expect(avatar).toHaveCSS('animation-name', 'none')

  await tray.push(signedIn({ status: { state: 'connecting' } }))
  const spinner = page.locator('.status-panel__icon .icon')
  await expect(spinner).toHaveCSS('animation-name', 'none')
  await page.emulateMedia({ reducedMotion: 'no-preference' })
  await expect(spinner).toHaveCSS('animation-name', 'spin')
})
