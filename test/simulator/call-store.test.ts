import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, FUNKE_AUTH, SUPERVISOR_AUTH, T0, api } from './test-support'
import type { MediaCall, MediaCallState, Simulator } from './types'

const AGENT1 = 'iaZWAXecuCuBx4FnX'
const FUNKE = 'aEGCdnFoBFCFNdiyX'

let sim: Simulator
afterEach(() => sim?.close())

const funkeCallsAgent1 = () =>
  sim.placeCall({ from: { type: 'user', id: FUNKE }, to: { type: 'user', id: AGENT1 } })

const stateOf = async (headers = AGENT1_AUTH) =>
  (await api(sim, '/api/v1/media-calls.state', { headers })).json.calls as Record<string, unknown>[]

const historyOf = async (callId: string, headers = AGENT1_AUTH) =>
  api(sim, `/api/v1/call-history.info?callId=${callId}`, { headers })

describe('call lifecycle over media-calls.state', () => {
  it('shows none → ringing → accepted → active, then the call disappears on hangup', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, rateLimit: false })
    const call = funkeCallsAgent1()
    const seen: [string, unknown, unknown][] = []

    const snapshot = async () => {
      const [c] = await stateOf()
      seen.push([
        String(c?.state),
        (c?.callee as Record<string, unknown>)?.contractId,
        c?.activatedAt,
      ])
    }
    await snapshot()
    clock.advance(1_000)
    sim.ackCall(call._id)
    await snapshot()
    clock.advance(1_000)
    sim.acceptCall(call._id)
    await snapshot()
    clock.advance(1_000)
    sim.activateCall(call._id)
    await snapshot()
    clock.advance(1_000)
    sim.hangupCall(call._id, { by: FUNKE })

    expect(seen.map(([s]) => s)).toEqual(['none', 'ringing', 'accepted', 'active'])
    expect(seen[1]?.[1]).toBeUndefined()
    expect(typeof seen[2]?.[1]).toBe('string')
    expect(seen[3]?.[2]).toBe(new Date(T0 + 3_000).toISOString())
    expect(await stateOf()).toEqual([])
  })

  it('serializes an IMediaCall like the real payloads', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock })
    const call = funkeCallsAgent1()
    const [c] = await stateOf()
    expect(c).toEqual({
      _id: call._id,
      service: 'webrtc',
      kind: 'direct',
      createdBy: { type: 'user', id: FUNKE, contractId: call.caller.contractId },
      createdAt: '2026-04-30T13:30:00.000Z',
      caller: {
        type: 'user',
        id: FUNKE,
        contractId: call.caller.contractId,
        displayName: 'Funke Olasupo',
        username: 'funke.olasupo',
      },
      callee: { type: 'user', id: AGENT1, displayName: 'Agent1', username: 'agent1' },
      uids: [FUNKE, AGENT1],
      ended: false,
      features: ['audio', 'screen-share', 'transfer', 'hold'],
      state: 'none',
      expiresAt: '2026-04-30T13:32:00.000Z',
      _updatedAt: '2026-04-30T13:30:00.000Z',
      callerRequestedId: call.callerRequestedId,
    })
    expect(call.callerRequestedId?.startsWith(`${call.caller.contractId}-`)).toBe(true)
    // Same key order as examples/state-active.json, for readable diffs against real payloads.
    sim.acceptCall(call._id)
    const [accepted] = await stateOf()
    const order = ['type', 'id', 'contractId', 'displayName', 'username']
    expect(Object.keys(accepted?.caller as object)).toEqual(order)
    expect(Object.keys(accepted?.callee as object)).toEqual(order)
  })

  it('pushes expiresAt forward on every transition', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, ringExpiryMs: 30_000 })
    const call = funkeCallsAgent1()
    clock.advance(20_000)
    expect(sim.ackCall(call._id).expiresAt.getTime()).toBe(T0 + 50_000)
  })

  it('describes a SIP party by its extension and leaves it out of uids', async () => {
    sim = await createSimulator()
    const call = sim.placeCall({
      from: { type: 'sip', extension: '2001', displayName: 'Reception' },
      to: { type: 'user', id: AGENT1 },
    })
    expect(call.caller).toEqual({
      type: 'sip',
      id: '2001',
      sipExtension: '2001',
      displayName: 'Reception',
      contractId: call.caller.contractId,
    })
    expect(call.uids).toEqual([AGENT1])
    expect(call.callerRequestedId).toBeUndefined()
  })

  it("lists only the user's own calls", async () => {
    sim = await createSimulator()
    const mine = funkeCallsAgent1()
    sim.placeCall({ from: { type: 'user', id: FUNKE }, to: { type: 'sip', extension: '3003' } })
    expect((await stateOf()).map((c) => c._id)).toEqual([mine._id])
    expect(await stateOf(SUPERVISOR_AUTH)).toEqual([])
    expect(await stateOf(FUNKE_AUTH)).toHaveLength(2)
  })

  it('emits call-changed with the previous state on every transition', async () => {
    sim = await createSimulator()
    const changes: [MediaCallState, MediaCallState | null][] = []
    sim.events.on('call-changed', (call: MediaCall, previous: MediaCallState | null) =>
      changes.push([call.state, previous]),
    )
    const call = funkeCallsAgent1()
    sim.ackCall(call._id)
    sim.hangupCall(call._id)
    expect(changes).toEqual([
      ['none', null],
      ['ringing', 'none'],
      ['hangup', 'ringing'],
    ])
  })

  it('refuses impossible transitions', async () => {
    sim = await createSimulator()
    const call = funkeCallsAgent1()
    expect(() => sim.activateCall(call._id)).toThrow(/cannot become 'active'/)
    sim.hangupCall(call._id)
    expect(() => sim.ackCall(call._id)).toThrow()
    expect(() => sim.ackCall('no-such-call')).toThrow(/no call/)
  })
})

describe('lazy expiry', () => {
  it('hangs up a stale call as the server, reason expired, 1 s after expiresAt', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, callerGivesUpMs: false })
    const call = funkeCallsAgent1()
    sim.ackCall(call._id)
    expect(sim.getCall(call._id)?.expiresAt).toEqual(new Date(T0 + 120_000))
    clock.advance(120_999)
    expect(await stateOf()).toHaveLength(1)
    clock.advance(1)
    expect(await stateOf()).toEqual([])
    expect(sim.getCall(call._id)).toMatchObject({
      state: 'hangup',
      ended: true,
      hangupReason: 'expired',
      endedBy: { type: 'server', id: 'server' },
      endedAt: new Date(T0 + 121_000),
    })
    expect((await historyOf(call._id)).json.item.state).toBe('not-answered')
  })
})

describe('media-calls.answer', () => {
  const answer = (body: Record<string, unknown>, headers = AGENT1_AUTH) =>
    api(sim, '/api/v1/media-calls.answer', { body, headers })

  it('lets the callee reject a ringing call', async () => {
    sim = await createSimulator()
    const call = funkeCallsAgent1()
    const res = await answer({ callId: call._id, contractId: 'c-1', answer: 'reject' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      success: true,
      call: { state: 'hangup', hangupReason: 'rejected' },
    })
    expect(sim.getCall(call._id)?.endedBy).toMatchObject({ type: 'user', id: AGENT1 })
    expect((await historyOf(call._id)).json.item.state).toBe('not-answered')
  })

  it('refuses accept and ack, and keeps them on record', async () => {
    sim = await createSimulator()
    const call = funkeCallsAgent1()
    for (const verb of ['accept', 'ack']) {
      const res = await answer({ callId: call._id, contractId: 'c-1', answer: verb })
      expect(res.status).toBe(400)
      expect(res.json).toEqual({ success: false, error: 'invalid-call-state' })
    }
    const sent = sim.requests.filter((r) => r.route === 'media-calls.answer')
    expect(sent.map((r) => (r.body as { answer: string }).answer)).toEqual(['accept', 'ack'])
    expect(sim.getCall(call._id)?.state).toBe('none')
  })

  it('answers not-found and invalid-call-state like the server', async () => {
    sim = await createSimulator()
    const call = funkeCallsAgent1()
    const unknown = await answer({ callId: 'nope', contractId: 'c', answer: 'reject' })
    const byCaller = await answer(
      { callId: call._id, contractId: 'c', answer: 'reject' },
      FUNKE_AUTH,
    )
    sim.acceptCall(call._id)
    const tooLate = await answer({ callId: call._id, contractId: 'c', answer: 'reject' })
    expect(unknown.json).toEqual({ success: false, error: 'not-found' })
    // The answer route looks calls up by callee.
    expect([byCaller.status, byCaller.json.error]).toEqual([400, 'not-found'])
    expect([tooLate.status, tooLate.json.error]).toEqual([400, 'invalid-call-state'])
  })

  it('checks authentication before the body, then validates with ajv messages', async () => {
    sim = await createSimulator()
    const noBody = await api(sim, '/api/v1/media-calls.answer', {
      method: 'POST',
      headers: AGENT1_AUTH,
    })
    const brokenAnonymous = await api(sim, '/api/v1/media-calls.answer', {
      rawBody: '{"callId":',
      headers: {},
    })
    const broken = await api(sim, '/api/v1/media-calls.answer', {
      rawBody: '{"callId":',
      headers: AGENT1_AUTH,
    })
    const badVerb = await answer({ callId: 'x', contractId: 'c', answer: 'pickup' })
    const extra = await answer({ callId: 'x', contractId: 'c', answer: 'reject', device: 'tray' })
    expect(noBody.status).toBe(400)
    expect(noBody.json).toEqual({
      success: false,
      errorType: 'error-invalid-params',
      error: "must have required property 'callId'",
    })
    expect(brokenAnonymous.status).toBe(401)
    expect(broken.status).toBe(400)
    expect(badVerb.json.error).toBe('/answer must be equal to one of the allowed values')
    expect([extra.status, extra.json.error]).toEqual([400, 'must NOT have additional properties'])
  })
})

describe('media-calls.info', () => {
  it('returns a call to its parties and 404 to anybody else', async () => {
    sim = await createSimulator()
    const call = funkeCallsAgent1()
    const mine = await api(sim, `/api/v1/media-calls.info?callId=${call._id}`, {
      headers: AGENT1_AUTH,
    })
    const theirs = await api(sim, `/api/v1/media-calls.info?callId=${call._id}`, {
      headers: SUPERVISOR_AUTH,
    })
    expect(mine.json).toMatchObject({ success: true, call: { _id: call._id } })
    expect(theirs.status).toBe(404)
    expect(theirs.json).toEqual({ success: false, error: 'Resource not found' })
  })
})
