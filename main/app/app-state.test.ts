import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../settings/settings-schema'
import { SESSION, T0, call } from '../../test/support/app-fakes'
import { buildAppState } from './app-state'

const base = {
  session: SESSION,
  lastServerUrl: 'https://chat.example.com',
  status: { state: 'online' as const },
  calls: [call()],
  recent: [],
  settings: DEFAULT_SETTINGS,
  locked: new Set<never>(),
  now: T0,
}

const paused = (until: number | null) => ({
  ...base,
  settings: { ...DEFAULT_SETTINGS, pause: { until } },
})

describe('buildAppState', () => {
  it('tells the window who is signed in, never the token', () => {
    const state = buildAppState(base)
    expect(state.session).toEqual({
      signedIn: true,
      serverUrl: 'https://chat.example.com',
      user: { id: SESSION.user.id, username: 'agent1', displayName: 'Agent One' },
    })
    const serialized = JSON.stringify(state)
    expect(serialized).not.toContain(SESSION.credentials.authToken)
    expect(serialized).not.toContain('authToken')
  })

  it('offers declining only while online', () => {
    expect(buildAppState(base).capabilities.decline).toBe(true)
    expect(
      buildAppState({ ...base, status: { state: 'offline', detail: 'x', retryAt: null } })
        .capabilities.decline,
    ).toBe(false)
  })

  it('shows no calls and the last server when signed out', () => {
    expect(buildAppState({ ...base, session: null })).toMatchObject({
      session: { signedIn: false, serverUrl: 'https://chat.example.com' },
      calls: [],
      capabilities: { decline: false },
    })
  })

  it('drops a pause whose time has passed', () => {
    expect(buildAppState(paused(T0 + 1)).pause).toEqual({ until: T0 + 1 })
    expect(buildAppState(paused(T0 - 1)).pause).toBeNull()
    expect(buildAppState(paused(null)).pause).toEqual({ until: null })
  })

  it('carries the settings the window shows, which are locked, and how the sign-in is kept', () => {
    const state = buildAppState({
      ...base,
      session: { ...SESSION, storage: 'weakly-protected' },
      settings: {
        ...DEFAULT_SETTINGS,
        pollFloorSeconds: 10,
        serverUrl: 'https://x.example',
        language: 'de',
      },
      locked: new Set(['startAtLogin', 'ringtone'] as const),
    })
    expect(state.settings).toEqual({
      values: {
        notifyOutgoingCalls: false,
        ringtone: { enabled: true, volume: 0.8 },
        startAtLogin: false,
        pollFloorSeconds: 10,
        ringOn: null,
        alsoRingOn: null,
        callWaitingTone: true,
        escalation: { afterSeconds: 10, flashTaskbar: true, showWindow: true, fullVolume: true },
        breakThroughDnd: true,
        globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Alt+Shift+K' },
        language: 'de',
      },
      locked: ['ringtone', 'startAtLogin'],
      signInStorage: 'weakly-protected',
    })
    expect(buildAppState({ ...base, session: null }).settings.signInStorage).toBeNull()
  })
})
