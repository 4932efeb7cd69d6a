// The DDP endpoint spoken to with a bare `ws` client, frame by frame, so the wire format the
// listener is tested against is itself pinned to what Rocket.Chat / Meteor send.
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import {
  closeClients,
  open,
  subscribed as subscribedTo,
  type Frame,
  type RawClient,
} from './ddp-test-client'
import { createSimulator } from './simulator'
import type { Simulator, SimulatorOptions } from './types'

const AGENT1 = 'iaZWAXecuCuBx4FnX'
const FUNKE = 'aEGCdnFoBFCFNdiyX'
const AGENT1_TOKEN = 'demo-agent1-token'
const FUNKE_TOKEN = 'demo-funke-token'
const WAIT_MS = 5000

let sim: Simulator
afterEach(async () => {
  closeClients()
  await sim?.close()
})

const subscribed = (userId: string, token: string) => subscribedTo(sim, userId, token)

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const start = async (options: SimulatorOptions = {}) => {
  sim = await createSimulator({ rateLimit: false, ...options })
}

const upgradeStatus = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'))
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('open', () => {
      resolve(101)
      ws.terminate()
    })
    ws.once('error', reject)
  })

describe('DDP endpoint: session', () => {
  it('greets, connects with a session id and logs in with a resume token', async () => {
    await start()
    const client = await open(`${sim.url}/websocket`)
    expect(await client.next((f) => 'server_id' in f, 'greeting')).toEqual({ server_id: '0' })
    client.send({ msg: 'connect', version: '1', support: ['1'] })
    const connected = await client.next((f) => f.msg === 'connected', 'connected')
    expect(connected.session).toEqual(expect.any(String))
    client.send({ msg: 'method', id: '1', method: 'login', params: [{ resume: AGENT1_TOKEN }] })
    const result = await client.next((f) => f.msg === 'result', 'result')
    expect(result).toEqual({
      msg: 'result',
      id: '1',
      result: {
        id: AGENT1,
        token: AGENT1_TOKEN,
        tokenExpires: { $date: expect.any(Number) },
        type: 'resume',
      },
    })
    expect(await client.next((f) => f.msg === 'updated', 'updated')).toEqual({
      msg: 'updated',
      methods: ['1'],
    })
  })

  it("answers a bad token with Meteor's 403 'logged out' error", async () => {
    await start()
    const client = await open(`${sim.url}/websocket`)
    client.send({ msg: 'connect', version: '1', support: ['1'] })
    client.send({ msg: 'method', id: '7', method: 'login', params: [{ resume: 'nope' }] })
    expect(await client.next((f) => f.msg === 'result', 'result')).toEqual({
      msg: 'result',
      id: '7',
      error: {
        isClientSafe: true,
        error: 403,
        reason: "You've been logged out by the server. Please log in again.",
        message: "You've been logged out by the server. Please log in again. [403]",
        errorType: 'Meteor.Error',
      },
    })
  })

  it("refuses another user's stream and unknown publications with nosub", async () => {
    await start()
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    client.send({
      msg: 'sub',
      id: 's2',
      name: 'stream-notify-user',
      params: [`${FUNKE}/media-signal`, false],
    })
    client.send({ msg: 'sub', id: 's3', name: 'nope', params: [] })
    expect(await client.next((f) => f.msg === 'nosub' && f.id === 's2', 'nosub s2')).toEqual({
      msg: 'nosub',
      id: 's2',
      error: {
        isClientSafe: true,
        error: 'not-allowed',
        message: '[not-allowed]',
        errorType: 'Meteor.Error',
      },
    })
    const unknown = await client.next((f) => f.msg === 'nosub' && f.id === 's3', 'nosub s3')
    expect(unknown.error).toMatchObject({ error: 404, reason: "Subscription 'nope' not found" })
  })

  it('refuses a subscription before login', async () => {
    await start()
    const client = await open(`${sim.url}/websocket`)
    client.send({ msg: 'connect', version: '1', support: ['1'] })
    client.send({
      msg: 'sub',
      id: 's1',
      name: 'stream-notify-user',
      params: [`${AGENT1}/media-signal`, false],
    })
    const nosub = await client.next((f) => f.msg === 'nosub', 'nosub')
    expect(nosub.error).toMatchObject({ error: 'not-allowed' })
  })

  it('pings, answers pings with their id, and records what the client sent', async () => {
    await start({ pingIntervalMs: 50 })
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    await client.next((f) => f.msg === 'ping', 'server ping')
    client.send({ msg: 'ping', id: 'p1' })
    expect(await client.next((f) => f.msg === 'pong', 'pong')).toEqual({ msg: 'pong', id: 'p1' })
    client.send({ msg: 'method', id: '9', method: 'stream-notify-user', params: [] })
    await client.next((f) => f.msg === 'result' && f.id === '9', 'method result')
    const sent = sim.realtimeFrames.map((r) => (r.frame as Frame).msg)
    expect(sent).toEqual(['connect', 'method', 'sub', 'ping', 'method'])
    expect(new Set(sim.realtimeFrames.map((r) => r.session)).size).toBe(1)
  })
})

describe('DDP endpoint: media signals', () => {
  it('tells callee and caller about a new call with their roles, then notifies both', async () => {
    await start()
    const agent = await subscribed(AGENT1, AGENT1_TOKEN)
    const funke = await subscribed(FUNKE, FUNKE_TOKEN)
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    const signalOf = async (client: RawClient, match: (s: Frame) => boolean) => {
      const frame = await client.next((f) => {
        const args = (f.fields as { args?: Frame[] } | undefined)?.args
        return f.msg === 'changed' && args?.[0] !== undefined && match(args[0])
      }, 'signal')
      return { frame, signal: (frame.fields as { args: Frame[] }).args[0] }
    }
    const forAgent = await signalOf(agent, (s) => s.type === 'new')
    expect(forAgent.frame).toMatchObject({
      msg: 'changed',
      collection: 'stream-notify-user',
      id: 'id',
      fields: { eventName: `${AGENT1}/media-signal` },
    })
    expect(forAgent.signal).toEqual({
      callId: call._id,
      type: 'new',
      service: 'webrtc',
      kind: 'direct',
      role: 'callee',
      self: { type: 'user', id: AGENT1, displayName: 'Agent1', username: 'agent1' },
      contact: call.caller,
      flags: ['internal'],
    })
    const forFunke = await signalOf(funke, (s) => s.type === 'new')
    expect(forFunke.signal).toMatchObject({
      role: 'caller',
      contact: { type: 'user', id: AGENT1 },
      flags: ['internal', 'create-data-channel'],
      requestedCallId: call.callerRequestedId,
    })

    sim.ackCall(call._id)
    sim.acceptCall(call._id)
    sim.activateCall(call._id)
    sim.hangupCall(call._id)
    for (const client of [agent, funke]) {
      for (const notification of ['accepted', 'active', 'hangup']) {
        await signalOf(client, (s) => s.notification === notification)
      }
    }
    const accepted = await signalOf(agent, (s) => s.notification === 'accepted')
    expect(accepted.signal).toEqual({
      callId: call._id,
      type: 'notification',
      notification: 'accepted',
      signedContractId: expect.any(String),
      features: ['audio', 'screen-share', 'transfer', 'hold'],
    })
    const notifications = agent.frames.filter(
      (f) => typeof f === 'object' && f.msg === 'changed',
    ) as Frame[]
    // new, accepted, active, hangup: the ack (ringing) is not signalled.
    expect(notifications).toHaveLength(4)
  })

  it('sends a SIP call only to the user party', async () => {
    await start()
    const agent = await subscribed(AGENT1, AGENT1_TOKEN)
    sim.placeCall({
      from: { type: 'sip', extension: '2001', displayName: 'Desk' },
      to: { type: 'user', id: AGENT1 },
    })
    const frame = await agent.next((f) => f.msg === 'changed', 'signal')
    expect((frame.fields as { args: Frame[] }).args[0]).toMatchObject({
      role: 'callee',
      contact: { type: 'sip', id: '2001', sipExtension: '2001', displayName: 'Desk' },
      flags: [],
    })
  })
})

describe('DDP endpoint: install and faults', () => {
  it('lives under the base path, and is refused with 404 elsewhere or when disabled', async () => {
    await start({ basePath: '/chat' })
    expect(await upgradeStatus(`${sim.url}/websocket`)).toBe(101)
    expect(await upgradeStatus(`http://127.0.0.1:${sim.port}/websocket`)).toBe(404)
    await sim.close()
    await start({ realtime: false })
    expect(await upgradeStatus(`${sim.url}/websocket`)).toBe(404)
    expect(sim.realtimeUpgrades.map((u) => u.status)).toEqual([404])
  })

  it('refuses upgrades with the injected status until cleared', async () => {
    await start()
    sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 502 })
    expect(await upgradeStatus(`${sim.url}/websocket`)).toBe(502)
    sim.clearRealtimeFaults()
    expect(await upgradeStatus(`${sim.url}/websocket`)).toBe(101)
  })

  it('drops every socket at once', async () => {
    await start()
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    const closed = new Promise<number>((resolve) => client.ws.once('close', resolve))
    sim.injectRealtimeFault({ kind: 'drop' })
    expect(await closed).toBe(1006)
    expect(sim.realtimeClientCount).toBe(0)
  })

  it('goes silent with no-pong: no pongs, no pings, no signals', async () => {
    await start({ pingIntervalMs: 20 })
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    sim.injectRealtimeFault({ kind: 'no-pong' })
    const before = client.frames.length
    client.send({ msg: 'ping', id: 'p' })
    sim.placeCall({ from: { type: 'user', id: FUNKE }, to: { type: 'user', id: AGENT1 } })
    await until(() => sim.realtimeFrames.some((r) => (r.frame as Frame).id === 'p'))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(client.frames.slice(before)).toEqual([])
    sim.clearRealtimeFaults()
    client.send({ msg: 'ping', id: 'q' })
    await client.next((f) => f.msg === 'pong' && f.id === 'q', 'pong after clearing')
  })

  it('leaves login unanswered with silent-login, while still answering pings', async () => {
    await start()
    sim.injectRealtimeFault({ kind: 'silent-login' })
    const client = await open(`${sim.url}/websocket`)
    client.send({ msg: 'connect', version: '1', support: ['1'] })
    client.send({ msg: 'method', id: '1', method: 'login', params: [{ resume: AGENT1_TOKEN }] })
    client.send({ msg: 'ping', id: 'after-login' })
    await client.next((f) => f.msg === 'pong', 'pong')
    expect(client.frames.some((f) => typeof f === 'object' && f.msg === 'result')).toBe(false)
  })

  it('sends garbage to open sockets', async () => {
    await start()
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    const before = client.frames.length
    sim.injectRealtimeFault({ kind: 'garbage' })
    await client.next((f) => f.msg === 'changed' && !('fields' in f), 'last garbage frame')
    const garbage = client.frames.slice(before)
    expect(garbage).toContain('this is not json {')
    expect(garbage.some((f) => typeof f === 'string' && f.startsWith('<binary'))).toBe(true)
  })

  it('closes its sockets on restart and on close', async () => {
    await start()
    const client = await subscribed(AGENT1, AGENT1_TOKEN)
    const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()))
    await sim.restart({ downMs: 10 })
    await closed
    expect(await upgradeStatus(`${sim.url}/websocket`)).toBe(101)
    const again = await subscribed(AGENT1, AGENT1_TOKEN)
    const closedAgain = new Promise<void>((resolve) => again.ws.once('close', () => resolve()))
    await sim.close()
    await closedAgain
  })
})
