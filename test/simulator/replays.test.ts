// Replays: another client of the same user registers and the server announces the user's
// live calls again, `self.contractId` telling which device holds each one.
import { afterEach, describe, expect, it } from 'vitest'
import { closeClients, subscribed, type Frame, type RawClient } from './ddp-test-client'
import { AGENT1, FUNKE, otherClientRegisters, playScenario } from './scenarios'
import { createSimulator } from './simulator'
import type { Simulator } from './types'

let sim: Simulator
afterEach(async () => {
  closeClients()
  await sim?.close()
})

const signalsOf = (client: RawClient, callId: string) =>
  client.frames
    .filter((f): f is Frame => typeof f === 'object' && f.msg === 'changed')
    .map((f) => ((f.fields as { args: Frame[] }).args[0] ?? {}) as Frame)
    .filter((s) => s.callId === callId)

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

async function agentStream() {
  sim = await createSimulator({ rateLimit: false })
  return subscribed(sim, AGENT1.id, AGENT1.tokens[0] ?? '')
}

const funkeCallsAgent1 = () =>
  sim.placeCall({ from: { type: 'user', id: FUNKE.id }, to: { type: 'user', id: AGENT1.id } })

describe('replays on another client registering', () => {
  it('re-sends new with the holding device and the accepted state with signedContractId', async () => {
    const stream = await agentStream()
    const call = funkeCallsAgent1()
    const accepted = sim.acceptCall(call._id)
    await settle()
    const before = signalsOf(stream, call._id).length
    sim.registerOtherClient(AGENT1.id)
    await settle()
    const replay = signalsOf(stream, call._id).slice(before)
    const held = accepted.callee.contractId
    expect(held).toBeDefined()
    expect(replay).toEqual([
      expect.objectContaining({
        type: 'new',
        role: 'callee',
        self: expect.objectContaining({ id: AGENT1.id, contractId: held }),
      }),
      {
        callId: call._id,
        type: 'notification',
        notification: 'accepted',
        signedContractId: held,
        features: accepted.features,
      },
    ])
  })

  it('replays an active call as active, and a ringing one as new without a contract', async () => {
    const stream = await agentStream()
    const active = funkeCallsAgent1()
    sim.acceptCall(active._id)
    sim.activateCall(active._id)
    const ringing = sim.placeCall({
      from: { type: 'sip', extension: '2001' },
      to: { type: 'user', id: AGENT1.id },
    })
    await settle()
    const counts = [signalsOf(stream, active._id).length, signalsOf(stream, ringing._id).length]
    sim.registerOtherClient(AGENT1.id)
    await settle()
    const activeReplay = signalsOf(stream, active._id).slice(counts[0])
    expect(activeReplay.map((s) => s.notification ?? s.type)).toEqual(['new', 'active'])
    const ringReplay = signalsOf(stream, ringing._id).slice(counts[1])
    expect(ringReplay).toHaveLength(1)
    expect(ringReplay[0]).toMatchObject({ type: 'new', role: 'callee' })
    expect((ringReplay[0]?.self as Frame).contractId).toBeUndefined()
  })

  it('tells the caller its own device holds the call, and replays nothing that ended', async () => {
    sim = await createSimulator({ rateLimit: false })
    const funke = await subscribed(sim, FUNKE.id, FUNKE.tokens[0] ?? '')
    const call = funkeCallsAgent1()
    const ended = funkeCallsAgent1()
    sim.hangupCall(ended._id)
    await settle()
    sim.registerOtherClient(FUNKE.id)
    await settle()
    const replayed = signalsOf(funke, call._id).filter((s) => s.type === 'new')
    expect(replayed).toHaveLength(2)
    expect((replayed[1]?.self as Frame).contractId).toBe(call.caller.contractId)
    expect(signalsOf(funke, ended._id).filter((s) => s.type === 'new')).toHaveLength(1)
  })

  it('sends signedContractId on accepted live, not on active or hangup', async () => {
    const stream = await agentStream()
    const call = funkeCallsAgent1()
    const accepted = sim.acceptCall(call._id)
    sim.activateCall(call._id)
    sim.hangupCall(call._id)
    await settle()
    const notes = signalsOf(stream, call._id).filter((s) => s.type === 'notification')
    expect(notes.map((n) => [n.notification, n.signedContractId])).toEqual([
      ['accepted', accepted.callee.contractId],
      ['active', undefined],
      ['hangup', undefined],
    ])
  })

  it('is a scenario action too', async () => {
    const stream = await agentStream()
    const call = funkeCallsAgent1()
    const timers: (() => void)[] = []
    playScenario(sim, [otherClientRegisters(5_000, AGENT1.id)], {
      setTimer: (fn) => timers.push(fn),
    })
    await settle()
    expect(signalsOf(stream, call._id)).toHaveLength(1)
    timers.shift()?.()
    await settle()
    expect(signalsOf(stream, call._id).map((s) => s.type)).toEqual(['new', 'new'])
  })
})
