import { describe, expect, it } from 'vitest'
import { T0, call, signedInState } from '../../test/support/app-fakes'
import { formatDuration, trayNeedsTicking, trayPresentation } from './tray-state'

describe('trayPresentation', () => {
  it('shows signed out, and says so when the server signed the agent out', () => {
    const signedOut = { ...signedInState(), session: { signedIn: false as const, serverUrl: null } }
    expect(trayPresentation(signedOut, T0)).toEqual({
      icon: 'signed-out',
      tooltip: 'Call Tray — not signed in',
    })
    const rejected = { ...signedOut, status: { state: 'unauthorized' as const, detail: 'x' } }
    expect(trayPresentation(rejected, T0).tooltip).toBe('Signed out — sign in again')
  })

  it('says why calls are unavailable: not licensed, or not permitted', () => {
    const unsupported = (detail: string) =>
      trayPresentation(signedInState({ status: { state: 'unsupported', detail } }), T0)
    expect(unsupported('Voice calls are not licensed on this server.')).toEqual({
      icon: 'offline',
      tooltip: 'No calls here — Voice calls are not licensed on this server.',
    })
    expect(unsupported('Your account is not permitted to receive voice calls.').tooltip).toBe(
      'No calls here — Your account is not permitted to receive voice calls.',
    )
  })

  it('is idle when online without calls', () => {
    expect(trayPresentation(signedInState(), T0)).toEqual({
      icon: 'idle',
      tooltip: 'Call Tray — no calls',
    })
  })

  it('says calls may show late while polling alone within a shared budget, but not a slowed check', () => {
    const status = (notice: 'polling-shared' | 'reconcile-slowed') => ({
      state: 'online' as const,
      notice,
      detail: 'detail',
    })
    expect(trayPresentation(signedInState({ status: status('polling-shared') }), T0)).toEqual({
      icon: 'idle',
      tooltip: 'Call Tray — no calls · polling only, calls may show late',
    })
    expect(trayPresentation(signedInState({ status: status('reconcile-slowed') }), T0)).toEqual({
      icon: 'idle',
      tooltip: 'Call Tray — no calls',
    })
  })

  it('names the caller while a call rings, and counts further ringing calls', () => {
    expect(trayPresentation(signedInState({ calls: [call()] }), T0)).toEqual({
      icon: 'ringing',
      tooltip: 'Incoming call from Funke Olasupo',
    })
    const two = signedInState({ calls: [call(), call({ id: 'call-2' })] })
    expect(trayPresentation(two, T0).tooltip).toBe('Incoming call from Funke Olasupo (+1 more)')
  })

  it('shows the running duration of an active call', () => {
    const active = signedInState({ calls: [call({ state: 'active', since: T0 })] })
    expect(trayPresentation(active, T0 + 252_000)).toEqual({
      icon: 'in-call',
      tooltip: 'In call with Funke Olasupo · 04:12',
    })
  })

  it('shows outgoing and connecting calls as in a call', () => {
    const outgoing = signedInState({ calls: [call({ direction: 'outgoing' })] })
    expect(trayPresentation(outgoing, T0)).toEqual({
      icon: 'in-call',
      tooltip: 'Calling Funke Olasupo',
    })
    const connecting = signedInState({ calls: [call({ state: 'connecting' })] })
    expect(trayPresentation(connecting, T0).tooltip).toBe('Connecting call with Funke Olasupo')
  })

  it('counts down to the next retry while offline', () => {
    const offline = signedInState({
      status: { state: 'offline', detail: 'x', retryAt: T0 + 20_000 },
    })
    expect(trayPresentation(offline, T0)).toEqual({
      icon: 'offline',
      tooltip: 'Offline — retrying in 20 s',
    })
    const unknown = signedInState({ status: { state: 'offline', detail: 'x', retryAt: null } })
    expect(trayPresentation(unknown, T0).tooltip).toBe('Offline — retrying')
  })

  it('shows offline over a ringing call it can no longer vouch for', () => {
    const state = signedInState({
      calls: [call()],
      status: { state: 'offline', detail: 'x', retryAt: null },
    })
    expect(trayPresentation(state, T0).icon).toBe('offline')
  })

  it('shows a ringing call even while notifications are paused', () => {
    const state = signedInState({ calls: [call()], pause: { until: null } })
    expect(trayPresentation(state, T0).icon).toBe('ringing')
  })

  it('shows the pause when there is no call', () => {
    expect(trayPresentation(signedInState({ pause: { until: null } }), T0)).toEqual({
      icon: 'paused',
      tooltip: 'Notifications paused until you resume',
    })
    const timed = signedInState({ pause: { until: T0 + 61 * 60_000 } })
    expect(trayPresentation(timed, T0).tooltip).toBe('Notifications paused — back in 1 h 1 min')
  })

  it('keeps tooltips within the Windows limit', () => {
    const long = call({ peer: { ...call().peer, displayName: 'x'.repeat(200) } })
    expect(Array.from(trayPresentation(signedInState({ calls: [long] }), T0).tooltip)).toHaveLength(
      127,
    )
  })
})

describe('trayNeedsTicking', () => {
  it('ticks only while the tooltip shows a running time', () => {
    expect(trayNeedsTicking(signedInState())).toBe(false)
    expect(trayNeedsTicking(signedInState({ calls: [call()] }))).toBe(false)
    expect(trayNeedsTicking(signedInState({ calls: [call({ state: 'active' })] }))).toBe(true)
    expect(
      trayNeedsTicking(signedInState({ status: { state: 'offline', detail: 'x', retryAt: T0 } })),
    ).toBe(true)
  })
})

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours past an hour', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(59_999)).toBe('00:59')
    expect(formatDuration(3_723_000)).toBe('1:02:03')
    expect(formatDuration(-5)).toBe('00:00')
  })
})
