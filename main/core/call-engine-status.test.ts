// What the agent is told about the connection when the budget is shared or the
// stream carries the calls: a throttled check is no outage while calls still arrive,
// and polling alone within a shared budget says plainly that calls may show late.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConnectionStatus } from '../../common/calls'
import { LimiterModel } from '../../test/support/limiter-model'
import { AGENT_ID } from '../../test/support/server-calls'
import type { ApiError } from './api-errors'
import { CallEngine, type CallsApi, type RealtimeHealth, type RealtimeSource } from './call-engine'
import { systemClock } from './clock'
import { err, ok, type Result } from './result'
import type { VoiceAvailability } from './voice-availability'
import type { CallEnding, CallHistory, CallsSnapshot, Reply } from './rocketchat-client'

const START = Date.parse('2026-11-23T09:00:00Z')

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

/** The state route behind a per-IP limiter that other desks may draw on too. */
class LimitedApi implements CallsApi {
  readonly limiter = new LimiterModel()
  failWith: ApiError | null = null

  async getCallsState(): Promise<Reply<CallsSnapshot>> {
    const { allowed, budget } = this.limiter.hit(Date.now())
    if (!allowed) return { result: err({ kind: 'rate-limited', resetAt: budget.resetAt }), budget }
    if (this.failWith) return { result: err(this.failWith), budget }
    return { result: ok({ calls: [], unreadable: [], serverOffsetMs: 0 }), budget }
  }

  async getCallEnding(): Promise<Reply<CallEnding | null>> {
    return { result: ok(null), budget: null }
  }

  async getCallHistory(): Promise<Reply<CallHistory | null>> {
    return { result: ok(null), budget: null }
  }

  async rejectCall(): Promise<Result<void, ApiError>> {
    return ok(undefined)
  }
}

class StreamStandIn implements RealtimeSource {
  private readonly healthListeners = new Set<(health: RealtimeHealth) => void>()
  start() {}
  stop() {}
  reconnect() {}
  onSignal() {
    return () => {}
  }
  onHealth(listener: (health: RealtimeHealth) => void) {
    this.healthListeners.add(listener)
    return () => this.healthListeners.delete(listener)
  }
  health(health: RealtimeHealth) {
    for (const listener of this.healthListeners) listener(health)
  }
}

/** The same draws every run, so the scheduler's jitter cannot make a test flaky. */
function seeded(seed = 42): () => number {
  let state = seed
  return () => ((state = (state * 16807) % 2147483647) - 1) / 2147483646
}

function setup() {
  const api = new LimitedApi()
  const stream = new StreamStandIn()
  const engine = new CallEngine({
    api,
    userId: AGENT_ID,
    contractId: 'contract-test',
    clock: systemClock,
    random: seeded(),
    floorIntervalMs: 3000,
    reconcileIntervalMs: 45_000,
    realtime: stream,
  })
  const statuses: ConnectionStatus[] = []
  engine.on((event) => {
    if (event.type === 'status') statuses.push(event.status)
  })
  return { api, stream, engine, statuses }
}

/** Nineteen other desks behind the same NAT, each asking every two minutes or so. */
function busyNeighbours(limiter: LimiterModel): void {
  const tick = () => {
    limiter.hit(Date.now())
    systemClock.setTimeout(tick, 120_000 / 19)
  }
  tick()
}

/** A voice-availability watch whose verdict the test sets. */
class VoiceStandIn {
  current: VoiceAvailability = { kind: 'unknown' }
  private readonly listeners = new Set<(availability: VoiceAvailability) => void>()
  start() {}
  stop() {}
  firstCheck() {
    return Promise.resolve()
  }
  onChange(listener: (availability: VoiceAvailability) => void) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  set(next: VoiceAvailability) {
    this.current = next
    for (const listener of this.listeners) listener(next)
  }
}

describe('polls out of turn', () => {
  it('not when the first voice check answers, only when calls become possible again', async () => {
    const api = new LimitedApi()
    const voice = new VoiceStandIn()
    const engine = new CallEngine({
      api,
      userId: AGENT_ID,
      contractId: 'contract-test',
      clock: systemClock,
      floorIntervalMs: 30_000,
      voice,
    })
    engine.start()
    await vi.advanceTimersByTimeAsync(1000)
    const polled = () => api.limiter.requests
    expect(polled()).toBe(1)
    // A whole office's checks answer at once: none of them may poll for it.
    voice.set({ kind: 'available' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(polled()).toBe(1)
    voice.set({ kind: 'unavailable', reason: 'not-licensed' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(engine.state.status.state).toBe('unsupported')
    voice.set({ kind: 'available' })
    await vi.advanceTimersByTimeAsync(1500)
    expect(polled()).toBe(2)
    expect(engine.state.status.state).toBe('online')
  })
})

describe('the status while the budget is shared', () => {
  it('stays online while the stream is healthy and the server throttles a check', async () => {
    const { api, stream, engine } = setup()
    engine.start()
    stream.health('healthy')
    await vi.advanceTimersByTimeAsync(0)
    // Somebody else spends the window.
    for (let i = 0; i < 10; i++) api.limiter.hit(Date.now())
    await vi.advanceTimersByTimeAsync(50_000)
    expect(api.limiter.rejected).toBeGreaterThan(0)
    expect(engine.state.status).toMatchObject({ state: 'online', notice: 'reconcile-slowed' })
  })

  it('stays online while the stream is healthy and a check fails', async () => {
    const { api, stream, engine, statuses } = setup()
    engine.start()
    stream.health('healthy')
    await vi.advanceTimersByTimeAsync(0)
    api.failWith = { kind: 'server-error', status: 502 }
    await vi.advanceTimersByTimeAsync(60_000)
    expect(statuses.map((status) => status.state)).not.toContain('offline')
    expect(engine.state.status).toMatchObject({ state: 'online', notice: 'reconcile-slowed' })
    // Without the stream the same failure is an outage.
    stream.health('down')
    await vi.advanceTimersByTimeAsync(5000)
    expect(engine.state.status.state).toBe('offline')
  })

  it('says calls may show late when polling alone within a shared budget, and why', async () => {
    const { api, engine } = setup()
    busyNeighbours(api.limiter)
    engine.start()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    const status = engine.state.status
    expect(status).toMatchObject({ state: 'online', notice: 'polling-shared' })
    expect(status.state === 'online' && status.detail).toMatch(/WebSocket/)
    expect(status.state === 'online' && status.detail).toMatch(/up to \d+ (s|min) late/)
  })

  it('does not call a 429 within a shared budget an outage', async () => {
    const { api, engine, statuses } = setup()
    busyNeighbours(api.limiter)
    engine.start()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    const settled = statuses.length
    // A burst of the neighbours spends the next windows.
    for (let minute = 0; minute < 5; minute++) {
      for (let i = 0; i < 10; i++) api.limiter.hit(Date.now())
      await vi.advanceTimersByTimeAsync(60_000)
    }
    expect(api.limiter.rejected).toBeGreaterThan(0)
    expect(statuses.slice(settled).map((status) => status.state)).not.toContain('rate-limited')
    expect(engine.state.status).toMatchObject({ state: 'online', notice: 'polling-shared' })
  })

  it('says nothing of sharing to a desk alone on its IP', async () => {
    const { engine } = setup()
    engine.start()
    await vi.advanceTimersByTimeAsync(5 * 60_000)
    expect(engine.state.status).toEqual({ state: 'online' })
  })
})
