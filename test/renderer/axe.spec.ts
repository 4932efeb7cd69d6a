// Every view the window can show, checked by axe at WCAG 2.1 AA, in both colour schemes
// (the light and dark projects). A view is reached the way a user gets there.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { AppState } from '../../common/ipc-contract'
import type { SelfTestState } from '../../common/self-test'
import { test, expect } from './fixtures'
import type { Tray } from './fixtures'
import {
  NOW,
  SERVER,
  busyState,
  call,
  peer,
  recentCall,
  seconds,
  settingsState,
  signedIn,
  signedOut,
} from './states'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

async function expectNoViolations(page: Page): Promise<void> {
  // axe schedules its own work on timers, which the paused page clock would hold forever.
  await page.clock.resume()
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()
  const found = violations.map(({ id, help, nodes }) => ({
    id,
    help,
    targets: nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  }))
  expect(found).toEqual([])
}

const selfTestResults: SelfTestState = {
  running: false,
  finishedAt: NOW,
  checks: [
    { id: 'server', ok: true, detail: 'Rocket.Chat 8.0.0 answers.', fix: null },
    {
      id: 'realtime',
      ok: false,
      detail: 'The live connection is down.',
      fix: 'Ask IT to let WebSocket connections to the server through the proxy or firewall.',
    },
  ],
}

/** A view: the state the window opens with, and what the user does to get there. */
interface View {
  name: string
  state: AppState | null
  reach?: (page: Page, tray: Tray) => Promise<void>
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeFocused()
}

const views: View[] = [
  { name: 'window outside the app', state: null },
  { name: 'signed out', state: signedOut() },
  {
    name: 'sign-in with a token',
    state: signedOut(SERVER),
    reach: async (page) => {
      await page.getByRole('radio', { name: 'Access token' }).check()
    },
  },
  {
    name: 'sign-in two-factor step',
    state: signedOut(SERVER),
    reach: async (page, tray) => {
      await page.getByLabel('Username or e-mail').fill('grace')
      await page.getByRole('textbox', { name: 'Password' }).fill('hunter2')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await tray.reply('signIn', {
        ok: false,
        kind: 'two-factor-required',
        method: 'totp',
        message: 'Enter the code from your authenticator app.',
      })
      await expect(page.getByLabel('Code')).toBeFocused()
    },
  },
  {
    name: 'sign-in field and form errors',
    state: signedOut(SERVER),
    reach: async (page, tray) => {
      await page.getByLabel('Username or e-mail').fill('grace')
      await page.getByRole('textbox', { name: 'Password' }).fill('wrong')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await tray.reply('signIn', {
        ok: false,
        kind: 'error',
        field: 'password',
        message: 'Wrong password.',
      })
      await expect(page.getByRole('textbox', { name: 'Password' })).toHaveAttribute(
        'aria-invalid',
        'true',
      )
    },
  },
  {
    name: 'signed out by the server',
    state: signedIn({ status: { state: 'unauthorized', detail: 'Your session has expired.' } }),
  },
  { name: 'no calls', state: signedIn() },
  { name: 'ringing, active and outgoing calls with recent', state: busyState() },
  {
    name: 'armed decline and a decline error',
    state: busyState(),
    reach: async (page, tray) => {
      const decline = page.getByRole('button', { name: 'Decline call from Ada Lovelace' })
      await decline.click()
      await page.getByRole('button', { name: 'Press again to decline Ada Lovelace' }).click()
      await tray.reply('declineCall', { ok: false, message: 'The server refused.' })
      await expect(page.getByRole('alert')).toHaveText('The server refused.')
    },
  },
  {
    name: 'pause menu open',
    state: busyState(),
    reach: async (page) => {
      await page.getByRole('button', { name: 'Pause notifications' }).click()
      await expect(page.getByRole('button', { name: 'For 15 minutes' })).toBeFocused()
    },
  },
  { name: 'connecting', state: signedIn({ status: { state: 'connecting' } }) },
  {
    name: 'offline',
    state: signedIn({
      status: { state: 'offline', detail: 'getaddrinfo ENOTFOUND', retryAt: NOW + seconds(12) },
    }),
  },
  {
    name: 'rate-limited',
    state: signedIn({
      status: { state: 'rate-limited', detail: 'Too many requests', retryAt: NOW + seconds(90) },
    }),
  },
  {
    name: 'unsupported',
    state: signedIn({
      status: { state: 'unsupported', detail: 'Voice calls are not licensed on this server.' },
    }),
  },
  {
    name: 'offline banner above calls',
    state: busyState({
      status: { state: 'offline', detail: 'timeout', retryAt: NOW + seconds(8) },
    }),
  },
  {
    name: 'rate-limited banner above calls',
    state: busyState({
      status: { state: 'rate-limited', detail: 'Too many requests', retryAt: NOW + seconds(8) },
    }),
  },
  {
    name: 'connecting and unsupported banners above calls',
    state: busyState({ status: { state: 'connecting' } }),
    reach: async (page, tray) => {
      await expectNoViolations(page)
      await tray.push(busyState({ status: { state: 'unsupported', detail: 'Turned off.' } }))
      await expect(page.locator('.banner--unsupported')).toBeVisible()
    },
  },
  {
    name: 'online notice: polling shared',
    state: busyState({
      status: {
        state: 'online',
        notice: 'polling-shared',
        detail: 'Polling only: a call can show up to 2 min late.',
      },
    }),
  },
  {
    name: 'online notice: reconcile slowed',
    state: signedIn({
      status: {
        state: 'online',
        notice: 'reconcile-slowed',
        detail: 'Calls arrive over the live connection; the server is slowing down other checks.',
      },
    }),
  },
  { name: 'policy problem', state: signedIn({ policyUnreadable: true }) },
  { name: 'paused', state: busyState({ pause: { until: NOW + seconds(30 * 60) } }) },
  { name: 'notifications blocked', state: busyState({ notificationsBlocked: true }) },
  {
    name: 'settings with self-test results and ringer outputs',
    state: signedIn({
      selfTest: selfTestResults,
      settings: settingsState({
        values: {
          ...settingsState().values,
          ringOn: { deviceId: 'headset-1', label: 'Jabra Evolve2 65' },
          alsoRingOn: { deviceId: 'gone', label: 'USB speaker' },
          globalShortcut: { enabled: true, accelerator: 'CommandOrControl+Alt+Shift+K' },
        },
      }),
    }),
    reach: async (page) => {
      await openSettings(page)
      await expect(page.getByRole('combobox', { name: 'Also ring on' })).toContainText(
        'USB speaker (not connected)',
      )
    },
  },
  {
    name: 'settings locked by policy, self-test running',
    state: signedIn({
      selfTest: { running: true, checks: [], finishedAt: null },
      settings: settingsState({
        locked: ['ringtone', 'pollFloorSeconds'],
        signInStorage: 'weakly-protected',
      }),
    }),
  },
  {
    name: 'recent with missed-because',
    state: signedIn({
      calls: [call('c-ring')],
      recent: [
        recentCall('away', {
          peer: peer('Barbara Liskov'),
          missedBecause: ['asleep', 'notifications-paused'],
        }),
        recentCall('done', { outcome: 'ended', direction: 'outgoing' }),
      ],
    }),
  },
]

for (const view of views) {
  test(`${view.name}: no WCAG 2.1 AA violations`, async ({ page, tray }) => {
    if (view.state === null) tray.allowConsole(/.*/)
    await tray.open(view.state)
    await view.reach?.(page, tray)
    await expectNoViolations(page)
  })
}
