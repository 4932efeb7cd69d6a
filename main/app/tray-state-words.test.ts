// The tray icon is a picture; its tooltip is what a screen reader and a colour-blind
// agent get. Every icon state, reached every way it can be, names itself in words.
import { describe, expect, it } from 'vitest'
import type { AppState } from '../../common/ipc-contract'
import { T0, call, signedInState } from '../../test/support/app-fakes'
import { TRAY_ICON_STATES, trayPresentation } from './tray-state'
import type { TrayIconState } from './tray-state'

const signedOut: AppState = { ...signedInState(), session: { signedIn: false, serverUrl: null } }

/** Each icon state: the words its tooltip must contain, and every way to reach it. */
const REACHED_BY: Record<TrayIconState, { words: RegExp; states: AppState[] }> = {
  'signed-out': {
    words: /not signed in|signed out|polic/i,
    states: [
      signedOut,
      { ...signedOut, status: { state: 'unauthorized', detail: '' } },
      signedInState({ status: { state: 'unauthorized', detail: '' } }),
      signedInState({ policyUnreadable: true }),
    ],
  },
  idle: {
    words: /no calls|connecting/i,
    states: [
      signedInState(),
      signedInState({ status: { state: 'connecting' } }),
      signedInState({ status: { state: 'online', notice: 'polling-shared', detail: 'x' } }),
    ],
  },
  ringing: {
    words: /incoming call/i,
    states: [signedInState({ calls: [call(), call({ id: 'call-2' })] })],
  },
  'in-call': {
    words: /in call|calling|connecting call/i,
    states: [
      signedInState({ calls: [call({ state: 'active' })] }),
      signedInState({ calls: [call({ state: 'connecting' })] }),
      signedInState({ calls: [call({ direction: 'outgoing' })] }),
    ],
  },
  offline: {
    words: /offline|busy|no calls here/i,
    states: [
      signedInState({ status: { state: 'offline', detail: '', retryAt: T0 + 5_000 } }),
      signedInState({ status: { state: 'offline', detail: '', retryAt: null } }),
      signedInState({ status: { state: 'rate-limited', detail: '', retryAt: T0 + 5_000 } }),
      signedInState({ status: { state: 'unsupported', detail: 'Not licensed.' } }),
    ],
  },
  paused: {
    words: /paused/i,
    states: [
      signedInState({ pause: { until: T0 + 15 * 60_000 } }),
      signedInState({ pause: { until: null } }),
    ],
  },
}

describe('tray tooltips say the state in words', () => {
  it.each(TRAY_ICON_STATES.map((icon) => [icon]))('%s', (icon) => {
    const { words, states } = REACHED_BY[icon]
    for (const state of states) {
      const { icon: shown, tooltip } = trayPresentation(state, T0)
      expect(shown).toBe(icon)
      expect(tooltip).toMatch(words)
    }
  })
})
