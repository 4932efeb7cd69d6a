// A broken or hostile server floods the engine: what it announces, logs and keeps
// must stay bounded (issue #14). Bounds are asserted on behaviour and structure
// sizes; the cost per call is measured in test/bench/flood.ts, never timed here.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ScriptedCallsApi, ScriptedStream } from '../../test/support/engine-fakes'
import { serverCall } from '../../test/support/server-calls'
import { INDIVIDUAL_NOTIFICATIONS } from './announcement-cap'
import { CallEngine, type EngineEvent } from './call-engine'
import { TRACKED_CALLS_LIMIT } from './call-tracker'
import { systemClock } from './clock'
import type { TrackerSignal } from './tracker-signals'

const START = Date.parse('2026-11-23T09:00:00Z')
const FLOOR_MS = 1000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

function setup() {
  const api = new ScriptedCallsApi()
  const stream = new ScriptedStream()
  const warnings: string[] = []
  const engine = new CallEngine({
    api,
    userId: 'iaZWAXecuCuBx4FnX',
    contractId: 'contract-test',
    clock: systemClock,
    floorIntervalMs: FLOOR_MS,
    historyRetryDelaysMs: [1000],
    realtime: stream,
    warn: (message) => warnings.push(message),
  })
  const events: EngineEvent[] = []
  engine.on((event) => events.push(event))
  const poll = () => vi.advanceTimersByTimeAsync(FLOOR_MS)
  return { api, stream, engine, events, warnings, poll }
}

const ringingCalls = (count: number, prefix = 'call') =>
  Array.from({ length: count }, (_, i) =>
    serverCall({ id: `${prefix}-${i}`, state: 'ringing', createdAt: START }),
  )
const ofType = <T extends EngineEvent['type']>(events: EngineEvent[], type: T) =>
  events.filter((event): event is Extract<EngineEvent, { type: T }> => event.type === type)
const notifiedIds = (events: EngineEvent[]) =>
  ofType(events, 'notification')
    .filter((event) => event.event === 'incoming-call')
    .map((event) => event.call.id)

describe('call engine under a flood of ringing calls', () => {
  it('announces a few calls and one summary for the rest of 1 500 ringing calls', async () => {
    const { api, engine, events, warnings, poll } = setup()
    api.calls = ringingCalls(1500)
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    await poll()

    const notified = notifiedIds(events)
    expect(notified).toHaveLength(INDIVIDUAL_NOTIFICATIONS)
    expect(new Set(notified).size).toBe(notified.length)
    expect(ofType(events, 'notification-summary')).toEqual([
      {
        type: 'notification-summary',
        ringing: TRACKED_CALLS_LIMIT - INDIVIDUAL_NOTIFICATIONS,
        title: `${TRACKED_CALLS_LIMIT - INDIVIDUAL_NOTIFICATIONS} more calls ringing`,
        body: 'Open Call Tray to see every ringing call',
      },
    ])
    expect(engine.state.calls).toHaveLength(TRACKED_CALLS_LIMIT)
    expect(ofType(events, 'calls')).toHaveLength(1)
    // The calls beyond the limit are counted once, not once per call or per poll.
    expect(warnings).toEqual([
      `The server listed 1300 more calls than the ${TRACKED_CALLS_LIMIT} tracked at once; they are not shown`,
    ])
  })

  it('updates the summary once per poll as calls stop ringing, and withdraws it at zero', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = ringingCalls(INDIVIDUAL_NOTIFICATIONS + 7)
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(ofType(events, 'notification-summary').map((event) => event.ringing)).toEqual([7])

    // Five of the summarized calls end at once: one updated summary, no per-call withdrawals.
    api.calls = ringingCalls(INDIVIDUAL_NOTIFICATIONS + 7).slice(0, INDIVIDUAL_NOTIFICATIONS + 2)
    await poll()
    expect(ofType(events, 'notification-summary').map((event) => event.ringing)).toEqual([7, 2])
    expect(ofType(events, 'notification-closed')).toEqual([])

    api.calls = []
    await poll()
    expect(ofType(events, 'notification-summary-closed')).toHaveLength(1)
    expect(ofType(events, 'notification-closed').map((event) => event.callId)).toEqual(
      notifiedIds(events),
    )
  })

  it('follows only individually announced calls with a missed-call check', async () => {
    const { api, engine, events, poll } = setup()
    api.calls = ringingCalls(INDIVIDUAL_NOTIFICATIONS + 7)
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    api.calls = []
    await poll()
    await vi.advanceTimersByTimeAsync(10_000)
    const missed = ofType(events, 'notification').filter((event) => event.event === 'missed-call')
    expect(missed.map((event) => event.call.id).sort()).toEqual(
      ringingCalls(INDIVIDUAL_NOTIFICATIONS).map((call) => call._id),
    )
  })

  it('frees the places of calls that ended before counting the new ones of the same poll', async () => {
    // Polling alone, a busy line: each poll finds the calls it announced gone and a few
    // new ones ringing. Those take the freed places, not the summary.
    const { api, engine, events, poll } = setup()
    const first = ringingCalls(INDIVIDUAL_NOTIFICATIONS - 2, 'first')
    api.calls = first
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(notifiedIds(events)).toHaveLength(first.length)
    api.calls = ringingCalls(INDIVIDUAL_NOTIFICATIONS - 2, 'second')
    await poll()
    expect(notifiedIds(events)).toHaveLength(2 * first.length)
    expect(ofType(events, 'notification-summary')).toHaveLength(0)
    engine.stop()
  })

  it('announces a call the server lists many times in one answer once', async () => {
    const { api, engine, events } = setup()
    api.calls = Array.from({ length: 50 }, () =>
      serverCall({ id: 'same', state: 'ringing', createdAt: START }),
    )
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(notifiedIds(events)).toEqual(['same'])
    expect(ofType(events, 'notification-summary')).toEqual([])
    expect(engine.state.calls).toHaveLength(1)
  })

  it('never announces a call twice, however many calls come and go while it rings', async () => {
    const { api, engine, events, poll } = setup()
    const steady = serverCall({ id: 'steady', state: 'ringing', createdAt: START })
    engine.start()
    api.calls = [steady]
    await vi.advanceTimersByTimeAsync(0)
    // Far more fresh calls than the memory of seen ids holds, over several polls.
    for (let round = 0; round < 12; round++) {
      api.calls = [steady, ...ringingCalls(150, `round-${round}`)]
      await poll()
    }
    expect(notifiedIds(events).filter((id) => id === 'steady')).toHaveLength(1)
    const notified = notifiedIds(events)
    expect(new Set(notified).size).toBe(notified.length)
  })
})

describe('call engine under a flood of unreadable calls', () => {
  it('logs one line per poll at most and remembers a bounded number of ids', async () => {
    const { api, engine, warnings, poll } = setup()
    engine.start()
    for (let round = 0; round < 5; round++) {
      api.unreadable = Array.from({ length: 2000 }, (_, i) => ({
        id: `bad-${round}-${i}`,
        detail: `state: ${'x'.repeat(10_000)}`,
      }))
      await poll()
    }
    expect(warnings.length).toBeLessThanOrEqual(api.polls)
    expect(warnings.length).toBeGreaterThanOrEqual(5)
    expect(warnings[0]).toMatch(
      /^The server sent 2000 calls that could not be read \(bad-0-0, bad-0-1, bad-0-2, …\); the first: state: x+…$/,
    )
    for (const line of warnings) expect(line.length).toBeLessThan(400)
  })

  it('does not log the same unreadable calls again on the next poll', async () => {
    const { api, engine, warnings, poll } = setup()
    api.unreadable = [
      { id: 'bad-1', detail: 'caller: Required' },
      { id: 'bad-2', detail: 'caller: Required' },
    ]
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    await poll()
    await poll()
    expect(warnings).toEqual([
      'The server sent 2 calls that could not be read (bad-1, bad-2); the first: caller: Required',
    ])
  })
})

describe('call engine under a flood of realtime signals', () => {
  const ring = (callId: string): TrackerSignal => ({
    type: 'new',
    callId,
    role: 'callee',
    contact: { type: 'user', id: 'aEGCdnFoBFCFNdiyX', displayName: 'Funke Olasupo' },
  })

  it('tracks at most the limit of 8 000 new calls, announcing a few and summarizing the rest', () => {
    const { stream, engine, events } = setup()
    engine.start()
    for (let i = 0; i < 8000; i++) stream.push(ring(`signal-${i}`))

    expect(engine.state.calls).toHaveLength(TRACKED_CALLS_LIMIT)
    expect(notifiedIds(events)).toHaveLength(INDIVIDUAL_NOTIFICATIONS)
    // Each signal is its own update, so the summary follows each tracked call, then stops:
    // the 7 800 signals beyond the limit change nothing and cost no list or summary.
    expect(ofType(events, 'notification-summary')).toHaveLength(
      TRACKED_CALLS_LIMIT - INDIVIDUAL_NOTIFICATIONS,
    )
    expect(ofType(events, 'calls')).toHaveLength(TRACKED_CALLS_LIMIT)
  })

  it('does nothing for a repeated new signal or one for an unknown call', () => {
    const { stream, engine, events } = setup()
    engine.start()
    stream.push(ring('once'))
    const before = events.length
    for (let i = 0; i < 8000; i++) {
      stream.push(ring('once'))
      stream.push({ type: 'notification', callId: `unknown-${i}`, notification: 'accepted' })
    }
    expect(events.length).toBe(before)
  })
})
