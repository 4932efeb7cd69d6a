// Every view in each language: the pseudo-locales prove no string skips the
// catalog, German proves long words fit, and each language leaves screenshots.
import type { Page } from '@playwright/test'
import type { AppState } from '../../common/ipc-contract'
import { LOCALE_NAMES, SHIPPED_LOCALES, type LocaleCode } from '../../common/i18n/locales'
import { expect, test } from './fixtures'
import { busyState, call, me, peer, recentCall, signedIn, signedOut, sipPeer } from './states'

const views = (locale: LocaleCode): Record<string, AppState> => ({
  calls: busyState({ locale }),
  empty: signedIn({
    locale,
    recent: [recentCall('r1', { outcome: 'missed', missedBecause: ['asleep', 'offline'] })],
  }),
  offline: signedIn({
    locale,
    status: { state: 'offline', detail: '', retryAt: null },
  }),
  'sign-in': { ...signedOut('https://chat.example.com'), locale },
})

/** Text the window shows as it came (names, the host, clock readings), not translated. */
function dataIn(state: AppState): (string | RegExp)[] {
  const peers = [...state.calls, ...state.recent].map((item) => item.peer)
  return [
    me.displayName,
    'chat.example.com',
    ...peers.flatMap((p) => [p.displayName, `@${p.username}`]),
    /^[\d:\s.@+-]*(AM|PM)?$/,
    /^[A-Z?]{1,2}$/,
    // The settings view: the audio outputs the stand-in lists, the shortcut as the keyboard
    // writes it, and each language in its own name.
    'Jabra Evolve2 65',
    'Speakers (Realtek Audio)',
    'Ctrl+Alt+Shift+K',
    ...Object.values(LOCALE_NAMES),
  ]
}

async function untranslatedText(
  page: Page,
  state: AppState,
  [open, close]: readonly [string, string],
): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const element = node.parentElement
      if (text && element && element.closest('[hidden]') === null) found.push(text)
    }
    for (const element of document.querySelectorAll('[aria-label], [title]')) {
      for (const name of ['aria-label', 'title']) {
        const value = element.getAttribute(name)
        if (value) found.push(value)
      }
    }
    return found
  })
  const isData = (text: string): boolean =>
    dataIn(state).some((d) => (typeof d === 'string' ? text.includes(d) : d.test(text)))
  return texts.filter((text) => !isData(text) && !(text.includes(open) && text.includes(close)))
}

for (const [locale, open, close] of [
  ['en-XA', '⟦', '⟧'],
  ['ar-XB', '\u202e', '\u202c'],
] as const) {
  test(`${locale}: no view shows a string outside the catalog`, async ({ tray, page }) => {
    let opened = false
    for (const [name, state] of Object.entries(views(locale))) {
      await (opened ? tray.push(state) : tray.open(state))
      opened = true
      expect(await untranslatedText(page, state, [open, close]), name).toEqual([])
      await tray.snap(`locale-${locale}-${name}`)
    }
    if (locale === 'ar-XB') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  })

  test(`${locale}: the settings view shows no string outside the catalog`, async ({
    tray,
    page,
  }) => {
    const state = signedIn({ locale })
    await tray.open(state)
    await page.locator('[data-focus-key="settings"]').click()
    await expect(page.locator('#app')).toHaveAttribute('data-screen', 'settings')
    expect(await untranslatedText(page, state, [open, close])).toEqual([])
    await tray.snap(`locale-${locale}-settings`)
  })
}

test('German: three calls fit 360×480 without horizontal overflow', async ({ tray, page }) => {
  await tray.open(
    busyState({
      locale: 'de',
      calls: [
        call('c1', { peer: peer('Maximiliane Oberhausen-Schwarzenberg') }),
        call('c2', { peer: sipPeer('4711', 'Kundendienst Nordrhein-Westfalen') }),
        call('c3', { state: 'active', direction: 'outgoing', features: ['audio', 'hold'] }),
      ],
    }),
  )
  await expect(page.getByRole('button', { name: 'Ablehnen' }).first()).toBeVisible()
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => el.className || el.tagName),
  )
  expect(overflow).toEqual([])
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
})

for (const locale of SHIPPED_LOCALES) {
  test(`${locale}: screenshots of the main views`, async ({ tray, page }) => {
    let opened = false
    for (const [name, state] of Object.entries(views(locale))) {
      await (opened ? tray.push(state) : tray.open(state))
      opened = true
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      await tray.snap(`locale-${locale}-${name}`)
    }
  })
}
