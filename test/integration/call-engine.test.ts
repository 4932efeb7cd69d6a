// The whole engine against the simulator over real HTTP: what an agent would see
// and hear for each way a call can go, and under the faults real servers produce.
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../main/core/call-engine'
import { startEngineHarness, type EngineHarness } from '../support/engine-harness'
import { AGENT1 } from '../simulator'

let harness: EngineHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const notification = (event: 'incoming-call' | 'missed-call', callId: string) => (e: EngineEvent) =>
  e.type === 'notification' && e.event === event && e.call.id === callId
const closed = (callId: string) => (e: EngineEvent) =>
  e.type === 'notification-closed' && e.callId === callId
const recent = (callId: string, outcome: string) => (e: EngineEvent) =>
  e.type === 'recent' && e.recent.some((item) => item.id === callId && item.outcome === outcome)
const count = (events: EngineEvent[], predicate: (e: EngineEvent) => boolean) =>
  events.filter(predicate).length

describe('engine against the simulator', () => {
  it('rings, withdraws the notification when answered, and files the call under recent', async () => {
    harness = await startEngineHarness({ rateLimit: false })
    const { sim, engine, waitFor, events } = harness
    engine.start()
    await waitFor((e) => e.type === 'status' && e.status.state === 'online', 'online')
    const id = harness.ringAgent()
    const ring = await waitFor(notification('incoming-call', id), 'incoming-call')
    expect(ring).toMatchObject({ title: 'Incoming call from Funke Olasupo' })
    sim.acceptCall(id)
    sim.activateCall(id)
    expect(await waitFor(closed(id), 'close')).toMatchObject({ reason: 'answered' })
    await waitFor((e) => e.type === 'calls' && e.calls[0]?.state === 'active', 'active call listed')
    sim.hangupCall(id, { reason: 'normal' })
    await waitFor(recent(id, 'ended'), 'recent ended')
    expect(count(events, (e) => e.type === 'notification')).toBe(1)
  })

  it('reports a missed call from the server history', async () => {
    harness = await startEngineHarness({ rateLimit: false })
    const { sim, engine, waitFor } = harness
    engine.start()
    const id = harness.ringAgent()
    await waitFor(notification('incoming-call', id), 'incoming-call')
    sim.hangupCall(id, { reason: 'normal' })
    const missed = await waitFor(notification('missed-call', id), 'missed-call')
    expect(missed).toMatchObject({ title: 'Missed call from Funke Olasupo' })
    expect(harness.events.findIndex(closed(id))).toBeLessThan(harness.events.indexOf(missed))
  })

  it('stays quiet about a call answered on another device between two polls', async () => {
    harness = await startEngineHarness({ rateLimit: false }, { floorIntervalMs: 400 })
    const { sim, engine, waitFor, events } = harness
    engine.start()
    const id = harness.ringAgent()
    await waitFor(notification('incoming-call', id), 'incoming-call')
    sim.acceptCall(id)
    sim.activateCall(id)
    sim.hangupCall(id, { reason: 'normal' })
    await waitFor(recent(id, 'answered-elsewhere'), 'answered elsewhere')
    expect(count(events, notification('missed-call', id))).toBe(0)
  })

  it('declines a ringing call on the server, without calling it missed', async () => {
    harness = await startEngineHarness({ rateLimit: false })
    const { sim, engine, waitFor, events } = harness
    engine.start()
    const id = harness.ringAgent()
    await waitFor(notification('incoming-call', id), 'incoming-call')
    expect(await engine.decline(id)).toEqual({ ok: true, value: undefined })
    expect(sim.getCall(id)).toMatchObject({ ended: true, hangupReason: 'rejected' })
    await waitFor(recent(id, 'declined'), 'recent declined')
    expect(count(events, notification('missed-call', id))).toBe(0)
    expect(sim.requests.filter((r) => r.route === 'media-calls.answer').map((r) => r.body)).toEqual(
      [expect.objectContaining({ callId: id, answer: 'reject' })],
    )
  })

  it('rings once through 5xx bursts, dropped connections, malformed bodies and a restart', async () => {
    harness = await startEngineHarness({ rateLimit: false })
    const { sim, engine, waitFor, events } = harness
    engine.start()
    const id = harness.ringAgent()
    await waitFor(notification('incoming-call', id), 'incoming-call')
    const route = { route: 'media-calls.state', count: 2 }
    sim.injectFault(
      { kind: 'status', status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' },
      route,
    )
    sim.injectFault({ kind: 'drop' }, route)
    sim.injectFault({ kind: 'malformed', body: '{"calls": [' }, route)
    await waitFor((e) => e.type === 'status' && e.status.state === 'offline', 'offline')
    await sim.restart({ downMs: 100 })
    await waitFor(
      (e) =>
        e.type === 'status' &&
        e.status.state === 'online' &&
        events.some((x) => x.type === 'status' && x.status.state === 'offline'),
      'back online',
      30_000,
    )
    sim.acceptCall(id)
    await waitFor(closed(id), 'close after recovery', 30_000)
    expect(count(events, notification('incoming-call', id))).toBe(1)
    expect(count(events, closed(id))).toBe(1)
  })

  it('stops polling and says signed out when the token is revoked', async () => {
    harness = await startEngineHarness({ rateLimit: false })
    const { sim, engine, waitFor } = harness
    engine.start()
    await waitFor((e) => e.type === 'status' && e.status.state === 'online', 'online')
    // Revoke the token the way sign-out elsewhere would.
    const logout = await fetch(`${sim.url}/api/v1/logout`, {
      method: 'POST',
      headers: {
        'X-User-Id': AGENT1.id,
        'X-Auth-Token': AGENT1.tokens[0] ?? '',
        'Content-Type': 'application/json',
      },
      body: '{}',
    })
    expect(logout.status).toBe(200)
    await waitFor((e) => e.type === 'status' && e.status.state === 'unauthorized', 'unauthorized')
    const polls = sim.requests.filter((r) => r.route === 'media-calls.state').length
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(sim.requests.filter((r) => r.route === 'media-calls.state').length).toBe(polls)
  })

  it('spreads its budget and gets no 429 alone on its IP', async () => {
    // The default limiter (10 per 60 s) scaled down so the test takes seconds.
    harness = await startEngineHarness(
      { rateLimit: { calls: 4, windowMs: 2000 } },
      { floorIntervalMs: 50 },
    )
    const { sim, engine } = harness
    engine.start()
    await new Promise((resolve) => setTimeout(resolve, 7000))
    const polls = sim.requests.filter((r) => r.route === 'media-calls.state')
    expect(polls.filter((r) => r.status === 429)).toEqual([])
    // Keeps polling across window resets rather than stalling after the first window.
    expect(polls.length).toBeGreaterThanOrEqual(6)
  })
})
