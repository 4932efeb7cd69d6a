// Unanswered calls and the history they leave: the caller's client gives up after 60 s, the
// server's expiry is the backstop, history is written just after the hangup, and newer
// builds' values appear only behind their switch.
import { afterEach, describe, expect, it } from 'vitest'
import { closeClients, subscribed, type Frame, type RawClient } from './ddp-test-client'
import { AGENT1, FUNKE } from './scenarios'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, FUNKE_AUTH, T0, api } from './test-support'
import type { Simulator, SimulatorOptions } from './types'

let sim: Simulator
let clock: FakeClock
afterEach(async () => {
  closeClients()
  await sim?.close()
})

const start = async (options: SimulatorOptions = {}) => {
  clock = new FakeClock()
  sim = await createSimulator({ clock, rateLimit: false, ...options })
}
const funkeCallsAgent1 = () =>
  sim.placeCall({ from: { type: 'user', id: FUNKE.id }, to: { type: 'user', id: AGENT1.id } })
const receptionCallsAgent1 = () =>
  sim.placeCall({ from: { type: 'sip', extension: '2001' }, to: { type: 'user', id: AGENT1.id } })
const historyOf = (callId: string, headers = AGENT1_AUTH) =>
  api(sim, `/api/v1/call-history.info?callId=${callId}`, { headers })
const infoOf = (callId: string) =>
  api(sim, `/api/v1/media-calls.info?callId=${callId}`, { headers: AGENT1_AUTH })
const signals = (client: RawClient) =>
  client.frames
    .filter((f): f is Frame => typeof f === 'object' && f.msg === 'changed')
    .map((f) => ((f.fields as { args: Frame[] }).args[0] ?? {}) as Frame)
const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('the caller gives up', () => {
  it('hangs up an unanswered call from a user after 60 s with not-answered', async () => {
    await start()
    const call = funkeCallsAgent1()
    sim.ackCall(call._id)
    clock.advance(59_999)
    expect(sim.getCall(call._id)?.ended).toBe(false)
    clock.advance(1)
    expect(sim.getCall(call._id)).toMatchObject({
      state: 'hangup',
      hangupReason: 'not-answered',
      endedBy: { type: 'user', id: FUNKE.id, contractId: call.caller.contractId },
      endedAt: new Date(T0 + 60_000),
    })
    expect((await historyOf(call._id)).json.item.state).toBe('not-answered')
    expect((await historyOf(call._id, FUNKE_AUTH)).json.item.state).toBe('not-answered')
  })

  it('leaves answered calls and SIP callers alone; the server expires those at 121 s', async () => {
    await start()
    const answered = funkeCallsAgent1()
    sim.acceptCall(answered._id)
    const fromSip = receptionCallsAgent1()
    clock.advance(61_000)
    expect(sim.getCall(answered._id)?.ended).toBe(false)
    expect(sim.getCall(fromSip._id)?.ended).toBe(false)
    clock.advance(60_000)
    expect(sim.getCall(fromSip._id)).toMatchObject({
      hangupReason: 'expired',
      endedBy: { type: 'server', id: 'server' },
    })
  })

  it('can be switched off, leaving the server expiry alone', async () => {
    await start({ callerGivesUpMs: false })
    const call = funkeCallsAgent1()
    clock.advance(120_999)
    expect(sim.getCall(call._id)?.ended).toBe(false)
    clock.advance(1)
    expect(sim.getCall(call._id)?.hangupReason).toBe('expired')
  })

  it('expires with the older builds’ reason timeout when asked', async () => {
    await start({ expiryReason: 'timeout' })
    const call = receptionCallsAgent1()
    clock.advance(121_000)
    expect(sim.getCall(call._id)?.hangupReason).toBe('timeout')
  })
})

describe('history and finished calls', () => {
  it('writes history a configurable moment after the hangup: a first 404 is normal', async () => {
    await start({ historyDelayMs: 500 })
    const call = funkeCallsAgent1()
    sim.hangupCall(call._id, { by: FUNKE.id })
    const early = await historyOf(call._id)
    expect([early.status, early.json.error]).toEqual([404, 'Resource not found'])
    expect((await api(sim, '/api/v1/call-history.list', { headers: AGENT1_AUTH })).json.total).toBe(
      0,
    )
    clock.advance(500)
    expect((await historyOf(call._id)).status).toBe(200)
  })

  it('returns a finished call from media-calls.info with how it ended', async () => {
    await start()
    const call = funkeCallsAgent1()
    sim.hangupCall(call._id, { reason: 'normal', by: FUNKE.id })
    const res = await infoOf(call._id)
    expect(res.status).toBe(200)
    expect(res.json.call).toMatchObject({
      state: 'hangup',
      ended: true,
      hangupReason: 'normal',
      endedBy: { type: 'user', id: FUNKE.id },
    })
  })
})

describe('newer values', () => {
  it('stay off by default', async () => {
    await start()
    const stream = await subscribed(sim, FUNKE.id, FUNKE.tokens[0] ?? '')
    const call = funkeCallsAgent1()
    sim.ackCall(call._id)
    sim.acceptCall(call._id)
    await settle()
    expect(signals(stream).map((s) => s.notification ?? s.type)).toEqual(['new', 'accepted'])
    const prevented = funkeCallsAgent1()
    sim.hangupCall(prevented._id, { reason: 'prevented' })
    expect((await historyOf(prevented._id)).json.item.state).toBe('not-answered')
    expect(() =>
      sim.placeCall({
        from: { type: 'user', id: FUNKE.id },
        to: { type: 'user', id: AGENT1.id },
        service: 'cti',
      }),
    ).toThrow(/invalid-call-service/)
  })

  it('bring trying, update, the history state prevented and the service cti', async () => {
    await start({ newerValues: true })
    const stream = await subscribed(sim, FUNKE.id, FUNKE.tokens[0] ?? '')
    const call = funkeCallsAgent1()
    sim.ackCall(call._id)
    sim.acceptCall(call._id)
    await settle()
    const seen = signals(stream)
    expect(seen.map((s) => s.notification ?? s.type)).toEqual([
      'new',
      'trying',
      'update',
      'accepted',
    ])
    expect(seen[2]).toMatchObject({
      type: 'update',
      contact: { id: AGENT1.id },
      features: call.features,
    })
    const prevented = funkeCallsAgent1()
    sim.hangupCall(prevented._id, { reason: 'prevented' })
    expect((await historyOf(prevented._id)).json.item.state).toBe('prevented')
    const listed = await api(sim, '/api/v1/call-history.list?state=prevented', {
      headers: AGENT1_AUTH,
    })
    expect(listed.json.total).toBe(1)
    const cti = sim.placeCall({
      from: { type: 'sip', extension: '2001' },
      to: { type: 'user', id: AGENT1.id },
      service: 'cti',
    })
    expect((await infoOf(cti._id)).json.call.service).toBe('cti')
  })

  it('can push any signal, e.g. a newer notification', async () => {
    await start()
    const stream = await subscribed(sim, AGENT1.id, AGENT1.tokens[0] ?? '')
    sim.pushSignal(AGENT1.id, { callId: 'c1', type: 'notification', notification: 'escalated' })
    await stream.next((f) => JSON.stringify(f).includes('escalated'), 'escalated')
  })
})
