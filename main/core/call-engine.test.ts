import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AGENT_ID, serverCall, type RawCallOptions } from '../../test/support/server-calls'
import type { ApiError } from './api-errors'
import type { ServerMediaCall } from './api-schemas'
import {
  CallEngine,
  type CallsApi,
  type EngineEvent,
  type RealtimeHealth,
  type RealtimeSource,
} from './call-engine'
import { systemClock } from './clock'
import { err, ok, type Result } from './result'
import type { CallEnding, CallHistory, CallsSnapshot, Reply } from './rocketchat-client'
import type { TrackerSignal } from './tracker-signals'

const START = Date.parse('2026-11-23T09:00:00Z')

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A server stand-in the test scripts: what the next state poll answers, what history says. */
class FakeApi implements CallsApi {
  calls: ServerMediaCall[] = []
  nextError: ApiError | null = null
  history = new Map<string, CallHistory | null>()
  historyError: ApiError | null = null
  polls = 0
  rejected: string[] = []

  async getCallsState(): Promise<Reply<CallsSnapshot>> {
    this.polls++
    if (this.nextError) return { result: err(this.nextError), budget: null }
    return {
      result: ok({
        calls: this.calls,
        unreadable: [],
        serverOffsetMs: 0,
      }),
      budget: null,
    }
  }

  historyRequests = 0
  /** How calls ended (media-calls.info); none: the route says 404, as older servers do. */
  endings = new Map<string, CallEnding>()
  endingRequests = 0

  async getCallEnding(callId: string): Promise<Reply<CallEnding | null>> {
    this.endingRequests++
    return { result: ok(this.endings.get(callId) ?? null), budget: null }
  }

  async getCallHistory(callId: string): Promise<Reply<CallHistory | null>> {
    this.historyRequests++
    if (this.historyError) return { result: err(this.historyError), budget: null }
    return { result: ok(this.history.get(callId) ?? null), budget: null }
  }

  rejectError: ApiError | null = null

  async rejectCall(callId: string): Promise<Result<void, ApiError>> {
    this.rejected.push(callId)
    return this.rejectError ? err(this.rejectError) : ok(undefined)
  }
}

function setup() {
  const api = new FakeApi()
  const engine = new CallEngine({
    api,
    userId: AGENT_ID,
    contractId: 'contract-test',
    clock: systemClock,
    floorIntervalMs: 1000,
    historyRetryDelaysMs: [1000, 2000],
  })
  const events: EngineEvent[] = []
  engine.on((event) => events.push(event))
  const poll = () => vi.advanceTimersByTimeAsync(1000)
  return { api, engine, events, poll }
}

const ringing = (options: RawCallOptions = {}) =>
  serverCall({ state: 'ringing', createdAt: START, ...options })
const ofType = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) =>
  events.filter((event): event is Extract<EngineEvent, { type: T }> => event.type === type)

describe('call engine', () => {
  it('goes connecting → online and lists calls only when the list changes', async () => {
    const { api, engine, events, poll } = setup()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = [ringing()]
    await poll()
    await poll()
    expect(ofType(events, 'status').map((event) => event.status.state)).toEqual([
      'connecting',
      'online',
    ])
    expect(ofType(events, 'calls')).toHaveLength(1)
    expect(ofType(events, 'calls')[0]?.calls[0]).toMatchObject({
      id: 'call-1',
      state: 'ringing',
      direction: 'incoming',
    })
  })

  it('raises the incoming-call notification with the caller, and withdraws it on answer', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(ofType(events, 'notification')).toEqual([
      expect.objectContaining({
        event: 'incoming-call',
        title: 'Incoming call from Funke Olasupo',
        body: '@funke.olasupo · Answer in Rocket.Chat',
      }),
    ])
    api.calls = [serverCall({ state: 'active', createdAt: START })]
    await poll()
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'answered' },
    ])
    api.calls = []
    await poll()
    await vi.advanceTimersByTimeAsync(5000)
    expect(ofType(events, 'notification')).toHaveLength(1)
    expect(engine.state.recent).toEqual([
      expect.objectContaining({ id: 'call-1', outcome: 'ended' }),
    ])
  })

  it('reports a missed call when history says not-answered', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.history.set('call-1', { state: 'not-answered', hangupReason: 'expired', endedBy: null })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(ofType(events, 'notification').map((event) => [event.event, event.title])).toEqual([
      ['incoming-call', 'Incoming call from Funke Olasupo'],
      ['missed-call', 'Missed call from Funke Olasupo'],
    ])
    expect(engine.state.recent[0]).toMatchObject({ id: 'call-1', outcome: 'missed' })
  })

  it('says nothing when history shows the call was answered on another device', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.history.set('call-1', { state: 'ended', hangupReason: 'normal', endedBy: 'x' })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
    expect(engine.state.recent[0]?.outcome).toBe('answered-elsewhere')
  })

  it('does not call a call missed when the agent declined it on another device', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.history.set('call-1', {
      state: 'not-answered',
      hangupReason: 'rejected',
      endedBy: AGENT_ID,
    })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
    expect(engine.state.recent[0]?.outcome).toBe('declined')
  })

  it.each([
    ['not-answered', 'the caller gave up after 60 s'],
    ['expired', "the server's sweep after 121 s"],
    ['timeout', "an older server's sweep"],
  ])(
    'reports a missed call at once when the finished call says %s (%s), without history',
    async (hangupReason) => {
      const { api, engine, events, poll } = setup()
      api.calls = [ringing()]
      api.endings.set('call-1', { ended: true, hangupReason, endedBy: 'server', answered: false })
      engine.start()
      await vi.advanceTimersByTimeAsync(0)
      api.calls = []
      await poll()
      expect(ofType(events, 'notification').map((event) => event.event)).toEqual([
        'incoming-call',
        'missed-call',
      ])
      expect(api.endingRequests).toBe(1)
      expect(api.historyRequests).toBe(0)
    },
  )

  it('knows at once from the finished call that it was answered on another device', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.endings.set('call-1', { ended: true, hangupReason: 'normal', endedBy: 'x', answered: true })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
    expect(engine.state.recent[0]?.outcome).toBe('answered-elsewhere')
    expect(api.historyRequests).toBe(0)
  })

  it('knows at once from the finished call that the agent declined it elsewhere', async () => {
    const { api, engine, poll } = setup()
    api.calls = [ringing()]
    api.endings.set('call-1', {
      ended: true,
      hangupReason: 'rejected',
      endedBy: AGENT_ID,
      answered: false,
    })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(engine.state.recent[0]?.outcome).toBe('declined')
  })

  it('does not report a call the server prevented as missed', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.history.set('call-1', { state: 'prevented', hangupReason: null, endedBy: null })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    await vi.advanceTimersByTimeAsync(5000)
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
    expect(engine.state.recent[0]?.outcome).toBe('ended')
  })

  it('retries history, then falls back to what it saw: it rang and nobody answered', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    api.historyError = { kind: 'server-error', status: 503 }
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    expect(ofType(events, 'notification')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(3000)
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual([
      'incoming-call',
      'missed-call',
    ])
  })

  it('drops the missed-call check when the call comes back (a flaky answer said it was gone)', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    api.calls = [ringing()]
    await poll()
    await vi.advanceTimersByTimeAsync(5000)
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
  })

  it('counts a decline answered invalid-call-state as declined once the call hangs up as rejected', async () => {
    const { api, engine, events } = setup()
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.rejectError = { kind: 'rejected', status: 400, code: 'invalid-call-state' }
    api.endings.set('call-1', {
      ended: true,
      hangupReason: 'rejected',
      endedBy: AGENT_ID,
      answered: false,
    })
    const declined = engine.decline('call-1')
    await vi.advanceTimersByTimeAsync(1000)
    expect(await declined).toEqual({ ok: true, value: undefined })
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'declined' },
    ])
  })

  it('reports a refused decline after a few seconds when the call does not hang up', async () => {
    const { api, engine, events } = setup()
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.rejectError = { kind: 'rejected', status: 400, code: 'invalid-call-state' }
    api.endings.set('call-1', { ended: false, hangupReason: null, endedBy: null, answered: false })
    let result: unknown = null
    void engine.decline('call-1').then((value) => (result = value))
    await vi.advanceTimersByTimeAsync(3000)
    expect(result).toBeNull()
    await vi.advanceTimersByTimeAsync(1000)
    expect(result).toEqual({ ok: false, error: 'This call is no longer ringing.' })
    expect(api.endingRequests).toBe(2)
    expect(ofType(events, 'notification-closed')).toEqual([])
  })

  it('declines through the API, withdraws the notification and never reports it missed', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(await engine.decline('call-1')).toEqual({ ok: true, value: undefined })
    expect(api.rejected).toEqual(['call-1'])
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'declined' },
    ])
    api.calls = []
    await poll()
    await vi.advanceTimersByTimeAsync(5000)
    expect(ofType(events, 'notification')).toHaveLength(1)
    expect(engine.state.recent[0]?.outcome).toBe('declined')
  })

  it('refuses to decline a call that is not ringing here', async () => {
    const { api, engine } = setup()
    api.calls = [serverCall({ state: 'active' })]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(await engine.decline('call-1')).toEqual({
      ok: false,
      error: 'This call is no longer ringing.',
    })
    expect(await engine.decline('nope')).toMatchObject({ ok: false })
    expect(api.rejected).toEqual([])
  })

  it('stops and says signed out on 401', async () => {
    const { api, engine, events, poll } = setup()
    api.nextError = { kind: 'unauthorized', message: 'You must be logged in to do this.' }
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    await poll()
    await poll()
    expect(api.polls).toBe(1)
    expect(engine.state.status).toEqual({
      state: 'unauthorized',
      detail: 'Signed out — sign in again.',
    })
    expect(ofType(events, 'status').at(-1)?.status.state).toBe('unauthorized')
  })

  it('reports offline with the retry time, once per change, and comes back online', async () => {
    const { api, engine, events } = setup()
    api.nextError = { kind: 'network', cause: 'the connection was refused' }
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    const offline = engine.state.status
    expect(offline).toMatchObject({
      state: 'offline',
      detail: 'Cannot reach the server (the connection was refused).',
    })
    expect(offline.state === 'offline' && offline.retryAt).toBeGreaterThan(START)
    api.nextError = null
    await vi.advanceTimersByTimeAsync(60_000)
    expect(engine.state.status).toEqual({ state: 'online' })
    expect(ofType(events, 'status').map((event) => event.status.state)).toEqual([
      'connecting',
      'offline',
      'online',
    ])
  })

  it('shows rate-limited with the reset time, and unsupported for a server without media calls', async () => {
    const rateLimited = setup()
    rateLimited.api.nextError = { kind: 'rate-limited', resetAt: START + 30_000 }
    rateLimited.engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(rateLimited.engine.state.status).toMatchObject({
      state: 'rate-limited',
      retryAt: START + 30_500,
    })
    rateLimited.engine.stop()

    const unsupported = setup()
    unsupported.api.nextError = { kind: 'not-supported' }
    unsupported.engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(unsupported.engine.state.status.state).toBe('unsupported')
  })

  it('keeps going when a listener throws', async () => {
    const { api, engine, events } = setup()
    engine.on(() => {
      throw new Error('tray exploded')
    })
    api.calls = [ringing()]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(ofType(events, 'notification')).toHaveLength(1)
  })

  it('withdraws a ringing notification when the call expires while the server is unreachable', async () => {
    const { api, engine, events } = setup()
    api.calls = [ringing({ expiresAt: START + 120_000 })]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.nextError = { kind: 'timeout', afterMs: 10_000 }
    await vi.advanceTimersByTimeAsync(4 * 60_000)
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'ended' },
    ])
    expect(engine.state.calls).toEqual([])
  })
})

describe('call engine when the wall clock jumps', () => {
  // vi.setSystemTime moves Date.now() alone: the steady clock (performance.now) goes on.
  const jumpWallClock = (deltaMs: number) => vi.setSystemTime(Date.now() + deltaMs)

  it('keeps a ringing call when the clock jumps forward past its expiry and the server still lists it', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = [ringing({ expiresAt: START + 120_000 })]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    jumpWallClock(3 * 60 * 60_000)
    await poll()
    await poll()
    expect(api.polls).toBeGreaterThanOrEqual(3)
    expect(ofType(events, 'notification-closed')).toEqual([])
    expect(engine.state.calls.map((call) => call.state)).toEqual(['ringing'])
  })

  it('still polls at once on refresh (a signal, a wake) when the clock is set back an hour', async () => {
    const { api, engine, poll } = setup()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    await poll()
    jumpWallClock(-60 * 60_000)
    const before = api.polls
    engine.refresh()
    await vi.advanceTimersByTimeAsync(1000)
    await poll()
    expect(api.polls).toBe(before + 2)
  })
})

describe('call engine with a realtime stream', () => {
  class FakeStream implements RealtimeSource {
    private signalListeners = new Set<(signal: TrackerSignal) => void>()
    private healthListeners = new Set<(health: RealtimeHealth) => void>()
    started = false
    reconnects = 0
    reconnect() {
      this.reconnects++
      this.health('connecting')
    }
    start() {
      this.started = true
    }
    stop() {
      this.started = false
    }
    onSignal(listener: (signal: TrackerSignal) => void) {
      this.signalListeners.add(listener)
      return () => this.signalListeners.delete(listener)
    }
    onHealth(listener: (health: RealtimeHealth) => void) {
      this.healthListeners.add(listener)
      return () => this.healthListeners.delete(listener)
    }
    push(signal: TrackerSignal) {
      for (const listener of this.signalListeners) listener(signal)
    }
    health(health: RealtimeHealth) {
      for (const listener of this.healthListeners) listener(health)
    }
  }

  function setupWithStream() {
    const api = new FakeApi()
    const stream = new FakeStream()
    const engine = new CallEngine({
      api,
      userId: AGENT_ID,
      contractId: 'contract-test',
      clock: systemClock,
      floorIntervalMs: 3000,
      reconcileIntervalMs: 45_000,
      realtime: stream,
    })
    const events: EngineEvent[] = []
    engine.on((event) => events.push(event))
    return { api, stream, engine, events }
  }

  const ring: TrackerSignal = {
    type: 'new',
    callId: 'call-1',
    role: 'callee',
    contact: {
      type: 'user',
      id: 'aEGCdnFoBFCFNdiyX',
      displayName: 'Funke Olasupo',
      username: 'funke.olasupo',
    },
  }

  it('rings from the signal before any poll sees the call, and does not ring again when one does', async () => {
    const { api, stream, engine, events } = setupWithStream()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(stream.started).toBe(true)
    const pollsBefore = api.polls
    stream.push(ring)
    expect(ofType(events, 'notification')).toEqual([
      expect.objectContaining({
        event: 'incoming-call',
        title: 'Incoming call from Funke Olasupo',
      }),
    ])
    // The signal asks for a reconciling poll right away (within the budget).
    api.calls = [ringing()]
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.polls).toBe(pollsBefore + 1)
    expect(ofType(events, 'notification')).toHaveLength(1)
  })

  it('ends a signalled call that a later poll no longer lists, even with the clock set back', async () => {
    const { api, stream, engine, events } = setupWithStream()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    stream.push(ring)
    // The hangup signal is lost; the clock moves back an hour; the next poll has no call.
    vi.setSystemTime(Date.now() - 60 * 60_000)
    api.calls = []
    await vi.advanceTimersByTimeAsync(1000)
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'ended' },
    ])
  })

  it('withdraws the notification on an accepted signal and never reports the call missed', async () => {
    const { api, stream, engine, events } = setupWithStream()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    stream.push(ring)
    stream.push({ type: 'notification', callId: 'call-1', notification: 'accepted' })
    expect(ofType(events, 'notification-closed')).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'answered' },
    ])
    api.historyError = { kind: 'server-error', status: 500 }
    stream.push({ type: 'notification', callId: 'call-1', notification: 'hangup' })
    await vi.advanceTimersByTimeAsync(30_000)
    expect(ofType(events, 'notification').map((event) => event.event)).toEqual(['incoming-call'])
    expect(engine.state.recent[0]?.outcome).toBe('ended')
  })

  it('slows polling to the reconcile pace while the stream is healthy, and returns at once when it drops', async () => {
    const { api, stream, engine, events } = setupWithStream()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    stream.health('healthy')
    await vi.advanceTimersByTimeAsync(3000)
    const atHealthy = api.polls
    await vi.advanceTimersByTimeAsync(3 * 60_000)
    // About one poll every 45 s: at most 2 REST requests a minute while idle.
    expect(api.polls - atHealthy).toBeGreaterThanOrEqual(3)
    expect(api.polls - atHealthy).toBeLessThanOrEqual(5)
    const atDrop = api.polls
    stream.health('down')
    await vi.advanceTimersByTimeAsync(1000)
    expect(api.polls).toBe(atDrop + 1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(api.polls - atDrop).toBeGreaterThanOrEqual(10)
    expect(ofType(events, 'realtime').map((event) => event.healthy)).toEqual([true, false])
    expect(engine.state.realtime).toBe(false)
  })

  it('reconnects the stream on wake and polls at the normal pace until it is back', async () => {
    const { api, stream, engine } = setupWithStream()
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    stream.health('healthy')
    await vi.advanceTimersByTimeAsync(3000)
    engine.pause()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    const atWake = api.polls
    engine.resume()
    expect(stream.reconnects).toBe(1)
    expect(engine.state.realtime).toBe(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(api.polls - atWake).toBeGreaterThanOrEqual(3)
  })

  it('stops the stream when the engine stops', async () => {
    const { stream, engine } = setupWithStream()
    engine.start()
    engine.stop()
    expect(stream.started).toBe(false)
  })
})
