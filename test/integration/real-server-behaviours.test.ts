// What real Rocket.Chat servers do that the docs do not say (issue #13), through the whole
// engine (REST client, realtime listener, call engine) against the simulator over HTTP and
// WebSocket: replays when another device registers, a decline answered invalid-call-state,
// unanswered calls ended by the caller or the server's expiry, and newer builds' values.
// The simulator acts lazily on time (whenever it is asked), so where the stream alone would
// wait, `sim.getCall` stands in for the server's own timer.
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../main/core/call-engine'
import { startEngineHarness, type EngineHarness } from '../support/engine-harness'
import { AGENT1, FUNKE, type Simulator, type SimulatorOptions } from '../simulator'

let harness: EngineHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const notification = (event: 'incoming-call' | 'missed-call', callId: string) => (e: EngineEvent) =>
  e.type === 'notification' && e.event === event && e.call.id === callId
const recent = (callId: string, outcome: string) => (e: EngineEvent) =>
  e.type === 'recent' && e.recent.some((item) => item.id === callId && item.outcome === outcome)
const listed = (callId: string) => (e: EngineEvent) =>
  e.type === 'calls' && e.calls.some((call) => call.id === callId)
const count = (events: EngineEvent[], predicate: (e: EngineEvent) => boolean) =>
  events.filter(predicate).length
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const routes = (sim: Simulator, route: string) => sim.requests.filter((r) => r.route === route)

async function streaming(options: SimulatorOptions): Promise<EngineHarness> {
  harness = await startEngineHarness({ rateLimit: false, ...options }, { realtime: true })
  harness.engine.start()
  await harness.waitFor((e) => e.type === 'realtime' && e.healthy, 'stream healthy')
  return harness
}

const funkeCallsAgent = (sim: Simulator, service?: 'cti') => {
  const call = sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
    ...(service && { service }),
  })
  sim.ackCall(call._id)
  return call._id
}

describe('replays when another device of the agent registers', () => {
  it('stays quiet about a call another device holds, and rings one that still rings', async () => {
    harness = await startEngineHarness({ rateLimit: false }, { realtime: true })
    const { sim, engine, waitFor, events } = harness
    // Both calls exist before the app listens; its first poll is held back so that the
    // replayed signals are what it learns of them first.
    const elsewhere = funkeCallsAgent(sim)
    sim.acceptCall(elsewhere)
    sim.activateCall(elsewhere)
    const ringing = funkeCallsAgent(sim)
    sim.injectFault({ kind: 'delay', ms: 1500 }, { route: 'media-calls.state', count: 1 })
    engine.start()
    await waitFor((e) => e.type === 'realtime' && e.healthy, 'stream healthy')

    sim.registerOtherClient(AGENT1.id)
    await waitFor(notification('incoming-call', ringing), 'the ringing call rings')
    expect(routes(sim, 'media-calls.state').filter((r) => r.status === 200)).toEqual([])
    await waitFor(listed(elsewhere), 'the held call listed')
    expect(count(events, notification('incoming-call', elsewhere))).toBe(0)

    sim.hangupCall(elsewhere, { reason: 'normal' })
    // A call the agent took, on another device, that ended: filed as ended, not missed.
    await waitFor(recent(elsewhere, 'ended'), 'recent ended')
    expect(count(events, notification('missed-call', elsewhere))).toBe(0)
    expect(count(events, notification('incoming-call', ringing))).toBe(1)
  })
})

describe('a decline the server answers invalid-call-state', () => {
  it('counts as declined once the call hangs up as rejected: no error, no missed call', async () => {
    const { sim, engine, waitFor, events } = await streaming({ rejectAnswersInvalidState: true })
    const id = funkeCallsAgent(sim)
    await waitFor(notification('incoming-call', id), 'incoming-call')

    expect(await engine.decline(id)).toEqual({ ok: true, value: undefined })
    expect(routes(sim, 'media-calls.answer').map((r) => r.status)).toEqual([400])
    expect(sim.getCall(id)).toMatchObject({ ended: true, hangupReason: 'rejected' })
    await waitFor(recent(id, 'declined'), 'recent declined')
    expect(count(events, notification('missed-call', id))).toBe(0)
    expect(events.filter((e) => e.type === 'status').map((e) => e.status.state)).not.toContain(
      'offline',
    )
  })
})

describe.each([
  ['the caller gives up (not-answered)', { callerGivesUpMs: 400 }, 'not-answered'],
  ['the server expires it (expired)', { callerGivesUpMs: false, ringExpiryMs: 300 }, 'expired'],
  [
    'an older server expires it (timeout)',
    { callerGivesUpMs: false, ringExpiryMs: 300, expiryReason: 'timeout' },
    'timeout',
  ],
] as const)('an unanswered call: %s', (_case, options, reason) => {
  it('is reported missed exactly once, from media-calls.info before history exists', async () => {
    const { sim, waitFor, events } = await streaming({ ...options, historyDelayMs: 60_000 })
    const id = funkeCallsAgent(sim)
    await waitFor(notification('incoming-call', id), 'incoming-call')
    // The server's timer: the expiry check runs 1 s after expiresAt.
    await pause(reason === 'not-answered' ? 500 : 1400)
    expect(sim.getCall(id)).toMatchObject({ ended: true, hangupReason: reason })

    await waitFor(notification('missed-call', id), 'missed-call')
    await waitFor(recent(id, 'missed'), 'recent missed')
    await pause(300)
    expect(count(events, notification('missed-call', id))).toBe(1)
    expect(routes(sim, 'media-calls.info').length).toBeGreaterThan(0)
    expect(routes(sim, 'call-history.info')).toEqual([])
  })
})

describe('newer builds’ values', () => {
  it('does not call a prevented call missed', async () => {
    const { sim, waitFor, events } = await streaming({ newerValues: true })
    const id = funkeCallsAgent(sim)
    await waitFor(notification('incoming-call', id), 'incoming-call')
    sim.hangupCall(id, { reason: 'prevented' })
    await waitFor(recent(id, 'ended'), 'recent ended')
    expect(count(events, notification('missed-call', id))).toBe(0)
  })

  it('takes trying, escalated and update signals without a complaint, and rings a cti call', async () => {
    const { sim, waitFor, events, logs } = await streaming({ newerValues: true })
    const cti = funkeCallsAgent(sim, 'cti')
    await waitFor(notification('incoming-call', cti), 'the cti call rings')
    const pushed = [
      { callId: cti, type: 'notification', notification: 'trying' },
      { callId: cti, type: 'notification', notification: 'escalated' },
      {
        callId: cti,
        type: 'update',
        contact: { type: 'user', id: FUNKE.id, displayName: 'Funke O.', username: 'funke' },
        features: ['audio', 'transfer'],
      },
    ]
    for (const signal of pushed) sim.pushSignal(AGENT1.id, signal)
    await waitFor(
      (e) =>
        e.type === 'calls' &&
        e.calls.some((c) => c.id === cti && c.peer.displayName === 'Funke O.'),
      'the update applied',
    )
    // Accept elsewhere: the newer build sends its own update first, then accepted.
    sim.acceptCall(cti)
    await waitFor(
      (e) => e.type === 'notification-closed' && e.callId === cti,
      'closed when answered elsewhere',
    )
    expect(count(events, notification('incoming-call', cti))).toBe(1)
    expect(logs.filter((line) => /unreadable|ignor|unknown|fail/i.test(line))).toEqual([])
    expect(events.filter((e) => e.type === 'status').map((e) => e.status.state)).not.toContain(
      'offline',
    )
  })
})
