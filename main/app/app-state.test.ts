import { describe, expect, it } from 'vitest'
import { SESSION, T0, call } from './app-fakes'
import { buildAppState } from './app-state'

const base = {
  session: SESSION,
  lastServerUrl: 'https://chat.example.com',
  status: { state: 'online' as const },
  calls: [call()],
  recent: [],
  pause: null,
  now: T0,
}

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
    expect(buildAppState({ ...base, pause: { until: T0 + 1 } }).pause).toEqual({ until: T0 + 1 })
    expect(buildAppState({ ...base, pause: { until: T0 - 1 } }).pause).toBeNull()
    expect(buildAppState({ ...base, pause: { until: null } }).pause).toEqual({ until: null })
  })
})
