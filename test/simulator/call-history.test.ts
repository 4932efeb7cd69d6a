import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, FUNKE_AUTH, T0, api } from './test-support'
import type { Simulator } from './types'

const AGENT1 = 'iaZWAXecuCuBx4FnX'
const FUNKE = 'aEGCdnFoBFCFNdiyX'

let sim: Simulator
afterEach(() => sim?.close())

const info = (callId: string, headers = AGENT1_AUTH) =>
  api(sim, `/api/v1/call-history.info?callId=${callId}`, { headers })

describe('call-history.info', () => {
  it('has no item until the call has ended', async () => {
    sim = await createSimulator()
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    const res = await info(call._id)
    expect(res.status).toBe(404)
    expect(res.json).toEqual({ success: false, error: 'Resource not found' })
  })

  it('writes an ended item for both parties of an answered call, with media seconds', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock })
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    sim.ackCall(call._id)
    clock.advance(5_000)
    sim.acceptCall(call._id)
    clock.advance(1_000)
    sim.activateCall(call._id)
    clock.advance(42_700)
    sim.hangupCall(call._id, { by: FUNKE })

    const inbound = await info(call._id)
    expect(inbound.json.item).toEqual({
      _id: inbound.json.item._id,
      _updatedAt: new Date(T0 + 48_700).toISOString(),
      ts: new Date(T0).toISOString(),
      uid: AGENT1,
      callId: call._id,
      direction: 'inbound',
      state: 'ended',
      type: 'media-call',
      duration: 42,
      endedAt: new Date(T0 + 48_700).toISOString(),
      external: false,
      contactId: FUNKE,
      contactName: 'Funke Olasupo',
      contactUsername: 'funke.olasupo',
    })
    expect(inbound.json.call).toMatchObject({
      _id: call._id,
      state: 'hangup',
      hangupReason: 'normal',
    })
    const outbound = await info(call._id, FUNKE_AUTH)
    expect(outbound.json.item).toMatchObject({
      direction: 'outbound',
      state: 'ended',
      contactId: AGENT1,
    })
  })

  it('tells a missed call from an answered one', async () => {
    sim = await createSimulator()
    const missed = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    sim.ackCall(missed._id)
    sim.hangupCall(missed._id, { by: FUNKE })
    expect((await info(missed._id)).json.item).toMatchObject({ state: 'not-answered', duration: 0 })
    // Rocket.Chat's state is per call: the caller's item says not-answered too.
    expect((await info(missed._id, FUNKE_AUTH)).json.item.state).toBe('not-answered')
  })

  it('derives failed, error and transferred like MediaCallService', async () => {
    sim = await createSimulator()
    const place = () =>
      sim.placeCall({ from: { type: 'user', id: FUNKE }, to: { type: 'user', id: AGENT1 } })._id
    const acceptedOnly = place()
    sim.acceptCall(acceptedOnly)
    sim.hangupCall(acceptedOnly)
    const broken = place()
    sim.acceptCall(broken)
    sim.activateCall(broken)
    sim.hangupCall(broken, { reason: 'signaling-error' })
    const transferred = place()
    sim.acceptCall(transferred)
    sim.activateCall(transferred)
    sim.hangupCall(transferred, { reason: 'transfer', by: AGENT1 })

    const states = await Promise.all(
      [acceptedOnly, broken, transferred].map(async (id) => (await info(id)).json.item.state),
    )
    expect(states).toEqual(['failed', 'error', 'transferred'])
  })

  it('records a SIP caller as an external contact, for the user party only', async () => {
    sim = await createSimulator()
    const call = sim.placeCall({
      from: { type: 'sip', extension: '2001', displayName: 'Reception' },
      to: { type: 'user', id: AGENT1 },
    })
    sim.hangupCall(call._id, { by: '2001' })
    const res = await info(call._id)
    expect(res.json.item).toMatchObject({
      external: true,
      contactExtension: '2001',
      direction: 'inbound',
    })
    expect(res.json.item.contactId).toBeUndefined()
    expect(sim.getCall(call._id)?.endedBy).toEqual({
      type: 'sip',
      id: '2001',
      contractId: call.caller.contractId,
    })
  })

  it('needs exactly one of historyId and callId', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/v1/call-history.info', { headers: AGENT1_AUTH })
    expect(res.status).toBe(400)
    expect(res.json.errorType).toBe('error-invalid-params')
  })
})

describe('call-history.list', () => {
  it('pages newest first and filters by direction and state', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock })
    const ids: string[] = []
    for (let i = 0; i < 3; i++) {
      const call = sim.placeCall({
        from: { type: 'user', id: FUNKE },
        to: { type: 'user', id: AGENT1 },
      })
      if (i === 1) {
        sim.acceptCall(call._id)
        sim.activateCall(call._id)
      }
      sim.hangupCall(call._id)
      ids.push(call._id)
      clock.advance(1_000)
    }
    const outgoing = sim.placeCall({
      from: { type: 'user', id: AGENT1 },
      to: { type: 'sip', extension: '3003' },
    })
    sim.hangupCall(outgoing._id)

    const all = await api(sim, '/api/v1/call-history.list', { headers: AGENT1_AUTH })
    expect(all.json).toMatchObject({ count: 4, offset: 0, total: 4, success: true })
    expect(all.json.items.map((i: { callId: string }) => i.callId)).toEqual([
      outgoing._id,
      ...[...ids].reverse(),
    ])

    const page = await api(sim, '/api/v1/call-history.list?count=1&offset=1&direction=inbound', {
      headers: AGENT1_AUTH,
    })
    expect(page.json).toMatchObject({ count: 1, offset: 1, total: 3 })
    expect(page.json.items[0].callId).toBe(ids[1])

    const missed = await api(
      sim,
      '/api/v1/call-history.list?state=not-answered&direction=inbound',
      {
        headers: AGENT1_AUTH,
      },
    )
    expect(missed.json.total).toBe(2)
  })

  it('rejects unknown parameters and values', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/v1/call-history.list?direction=sideways', {
      headers: AGENT1_AUTH,
    })
    expect(res.status).toBe(400)
    expect(res.json.error).toBe('/direction must be equal to one of the allowed values')
  })
})
