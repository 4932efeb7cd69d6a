// The REST client against the simulator over real HTTP on 127.0.0.1: every fault
// a real deployment throws at it must come back as a typed error, never a crash.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RocketChatClient, type Credentials } from '../../main/core/rocketchat-client'
import { parseServerUrl } from '../../main/core/server-url'
import {
  AGENT1,
  AGENT_2FA,
  FUNKE,
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../simulator'

const agentCredentials: Credentials = { userId: AGENT1.id, authToken: AGENT1.tokens[0] ?? '' }
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function start(
  options: SimulatorOptions = {},
  credentials: Credentials | undefined = agentCredentials,
  timeoutMs?: number,
) {
  const sim = await createSimulator(options)
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const client = new RocketChatClient({ server: server.value, credentials, timeoutMs })
  cleanups.push(
    () => sim.close(),
    () => client.close(),
  )
  return { sim, client }
}

function ringAgent(sim: Simulator) {
  const call = sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
  })
  return sim.ackCall(call._id)
}

describe('Rocket.Chat client against the simulator', () => {
  it('reads the calls of the signed-in user, reusing one kept-alive connection', async () => {
    const { sim, client } = await start({ rateLimit: false })
    const call = ringAgent(sim)
    for (let i = 0; i < 5; i++) {
      const reply = await client.getCallsState()
      expect(reply.result.ok && reply.result.value.calls.map((c) => [c._id, c.state])).toEqual([
        [call._id, 'ringing'],
      ])
    }
    expect(sim.connectionCount).toBe(1)
  })

  it('reports the rate budget, then rate-limited with the reset time', async () => {
    const { client } = await start({ rateLimit: { calls: 2, windowMs: 60_000 } })
    const first = await client.getCallsState()
    expect(first.budget).toMatchObject({ limit: 2, remaining: 1 })
    expect(first.budget?.resetAt).toBeGreaterThan(Date.now() + 58_000)
    await client.getCallsState()
    const limited = await client.getCallsState()
    expect(limited.result).toEqual({
      ok: false,
      error: { kind: 'rate-limited', resetAt: expect.any(Number) },
    })
    if (!limited.result.ok && limited.result.error.kind === 'rate-limited') {
      expect(limited.result.error.resetAt - Date.now()).toBeGreaterThan(55_000)
    }
  })

  it.each([false, true])(
    'turns both 401 shapes into unauthorized (legacy: %s)',
    async (legacy401) => {
      const { client } = await start({ legacy401 }, { userId: AGENT1.id, authToken: 'wrong' })
      expect((await client.getCallsState()).result).toEqual({
        ok: false,
        error: { kind: 'unauthorized', message: 'You must be logged in to do this.' },
      })
    },
  )

  it('says not-supported for a server without media calls', async () => {
    const { client } = await start({ mediaCalls: false })
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'not-supported' },
    })
  })

  it('works under a sub-path install', async () => {
    const { sim, client } = await start({ basePath: '/chat' })
    ringAgent(sim)
    const reply = await client.getCallsState()
    expect(reply.result.ok && reply.result.value.calls).toHaveLength(1)
    expect((await client.getServerInfo()).ok).toBe(true)
  })

  it.each([
    [
      {
        kind: 'status',
        status: 502,
        contentType: 'text/html',
        body: '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
      },
      { kind: 'server-error', status: 502 },
    ],
    [
      { kind: 'status', status: 503, body: '{"success":false}' },
      { kind: 'server-error', status: 503 },
    ],
    [
      {
        kind: 'malformed',
        contentType: 'text/html',
        body: '<html>Sign in to the corporate proxy</html>',
      },
      { kind: 'invalid-response', detail: expect.stringMatching(/web page/) },
    ],
    [
      { kind: 'malformed', body: '{"calls": [{"_id": "a", "sta' },
      { kind: 'invalid-response', detail: expect.stringMatching(/not valid JSON/) },
    ],
    [
      { kind: 'malformed', body: '' },
      { kind: 'invalid-response', detail: expect.stringMatching(/empty/) },
    ],
    [
      { kind: 'malformed', body: '{"calls": "none", "success": true}' },
      { kind: 'invalid-response', detail: expect.stringMatching(/calls/) },
    ],
    [{ kind: 'drop' }, { kind: 'network', cause: 'the connection was cut' }],
  ] as const)('turns fault %j into a typed error', async (fault, expected) => {
    const { sim, client } = await start()
    sim.injectFault(fault, { route: 'media-calls.state', count: 1 })
    expect((await client.getCallsState()).result).toEqual({ ok: false, error: expected })
    // The next request works again.
    expect((await client.getCallsState()).result.ok).toBe(true)
  })

  it('keeps the readable calls when one call in the answer is broken', async () => {
    const { sim, client } = await start()
    const good = ringAgent(sim)
    const body = JSON.stringify({
      success: true,
      calls: [JSON.parse(JSON.stringify(good)), { _id: 'broken', state: 'ringing', caller: 7 }],
    })
    sim.injectFault({ kind: 'malformed', body }, { route: 'media-calls.state', count: 1 })
    const reply = await client.getCallsState()
    expect(reply.result.ok && reply.result.value.calls.map((call) => call._id)).toEqual([good._id])
    expect(reply.result.ok && reply.result.value.unreadable).toEqual([
      { id: 'broken', detail: expect.stringContaining('caller') },
    ])
  })

  it('gives up on a slow answer after its timeout', async () => {
    const { sim, client } = await start({}, agentCredentials, 300)
    sim.injectFault({ kind: 'delay', ms: 2000 }, { route: 'media-calls.state', count: 1 })
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'timeout', afterMs: 300 },
    })
  })

  it('gives up on its own when an adapter never answers, so the poller cannot stall', async () => {
    const server = parseServerUrl('https://chat.example.com')
    if (!server.ok) throw new Error(server.error)
    const client = new RocketChatClient({
      server: server.value,
      credentials: agentCredentials,
      timeoutMs: 50,
      adapter: () => new Promise(() => {}),
    })
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'timeout', afterMs: 50 },
    })
  })

  it('refuses an answer larger than any real one', async () => {
    const { sim, client } = await start()
    sim.injectFault(
      { kind: 'malformed', body: `{"calls":[],"pad":"${'x'.repeat(3 * 1024 * 1024)}"}` },
      { count: 1 },
    )
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'invalid-response', detail: expect.stringMatching(/larger/) },
    })
  })

  it('survives a server restart', async () => {
    const { sim, client } = await start()
    const call = ringAgent(sim)
    await sim.restart({ downMs: 100 })
    const reply = await client.getCallsState()
    expect(reply.result.ok && reply.result.value.calls[0]?._id).toBe(call._id)
  })

  it('estimates the server clock offset from Date headers', async () => {
    const { client } = await start({ clockSkewMs: 90_000, rateLimit: false })
    for (let i = 0; i < 4; i++) await client.getCallsState()
    expect(Math.abs(client.serverOffsetMs - 90_000)).toBeLessThan(1000)
  })

  it('signs in with a password, with two-factor, checks the user, and logs out', async () => {
    const { client } = await start({ rateLimit: false }, undefined)
    expect(await client.login({ user: AGENT1.username, password: 'wrong' })).toMatchObject({
      ok: false,
      error: { kind: 'unauthorized' },
    })
    const login = await client.login({ user: AGENT1.username, password: AGENT1.password })
    expect(login.ok).toBe(true)
    if (!login.ok) return
    client.setCredentials(login.value)
    expect(await client.me()).toMatchObject({
      ok: true,
      value: { _id: AGENT1.id, username: 'agent1' },
    })
    expect((await client.logout()).ok).toBe(true)
    expect(await client.me()).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })

    const twoFactor = { user: AGENT_2FA.username, password: AGENT_2FA.password }
    expect(await client.login(twoFactor)).toEqual({
      ok: false,
      error: { kind: 'two-factor-required', method: 'totp', invalidCode: false },
    })
    expect(await client.login({ ...twoFactor, code: '000000' })).toEqual({
      ok: false,
      error: { kind: 'two-factor-required', method: 'totp', invalidCode: true },
    })
    expect((await client.login({ ...twoFactor, code: AGENT_2FA.twoFactor?.code })).ok).toBe(true)
  })

  it('declines only with reject, and reads the history of a finished call', async () => {
    const { sim, client } = await start({ rateLimit: false })
    const call = ringAgent(sim)
    expect((await client.getCallHistory(call._id)).result).toEqual({ ok: true, value: null })
    expect(await client.rejectCall(call._id, 'contract-1')).toEqual({ ok: true, value: undefined })
    const sent = sim.requests
      .filter((request) => request.route === 'media-calls.answer')
      .map((request) => request.body)
    expect(sent).toEqual([{ callId: call._id, contractId: 'contract-1', answer: 'reject' }])
    expect((await client.getCallHistory(call._id)).result).toEqual({
      ok: true,
      value: { state: 'not-answered', hangupReason: 'rejected', endedBy: AGENT1.id },
    })
    expect(await client.rejectCall(call._id, 'contract-1')).toMatchObject({
      ok: false,
      error: { kind: 'rejected', status: 400 },
    })
  })

  it('reads how a call ended from media-calls.info, and null for a call not its own', async () => {
    const { sim, client } = await start({ rateLimit: false })
    const call = ringAgent(sim)
    expect((await client.getCallEnding(call._id)).result).toEqual({
      ok: true,
      value: { ended: false, hangupReason: null, endedBy: null, answered: false },
    })
    sim.hangupCall(call._id, { reason: 'not-answered', by: FUNKE.id })
    expect((await client.getCallEnding(call._id)).result).toEqual({
      ok: true,
      value: { ended: true, hangupReason: 'not-answered', endedBy: FUNKE.id, answered: false },
    })
    const answered = ringAgent(sim)
    sim.acceptCall(answered._id)
    sim.hangupCall(answered._id, { reason: 'normal', by: FUNKE.id })
    expect((await client.getCallEnding(answered._id)).result).toMatchObject({
      ok: true,
      value: { ended: true, answered: true },
    })
    expect((await client.getCallEnding('no-such-call')).result).toEqual({ ok: true, value: null })
  })

  it('counts a decline as done only when the server confirms it', async () => {
    const { sim, client } = await start({ rateLimit: false })
    for (const body of ['null', '{}', '[]', '{"success":false}', '{"success":true,"calls":"x"}']) {
      const call = ringAgent(sim)
      sim.injectFault({ kind: 'malformed', body }, { route: 'media-calls.answer', count: 1 })
      const result = await client.rejectCall(call._id, 'contract-1')
      expect(result.ok, body).toBe(body === '{"success":true,"calls":"x"}')
      if (!result.ok) expect(result.error.kind).toBe('invalid-response')
    }
  })

  it('reports a refused connection as unreachable', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const server = parseServerUrl(`http://127.0.0.1:${port}`)
    if (!server.ok) throw new Error(server.error)
    const client = new RocketChatClient({ server: server.value, credentials: agentCredentials })
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'network', cause: 'the connection was refused' },
    })
  })

  it('does not follow redirects (they would carry the token elsewhere)', async () => {
    let leaked = false
    const target = http.createServer((req, res) => {
      leaked = req.headers['x-auth-token'] !== undefined
      res.end('{}')
    })
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve))
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, {
        Location: `http://127.0.0.1:${(target.address() as AddressInfo).port}/steal`,
      })
      res.end()
    })
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve))
    cleanups.push(
      () => void target.close(),
      () => void redirector.close(),
    )
    const server = parseServerUrl(`http://127.0.0.1:${(redirector.address() as AddressInfo).port}`)
    if (!server.ok) throw new Error(server.error)
    const client = new RocketChatClient({ server: server.value, credentials: agentCredentials })
    cleanups.push(() => client.close())
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: {
        kind: 'invalid-response',
        detail: expect.stringMatching(/redirected to http:\/\/127\.0\.0\.1/),
      },
    })
    expect(leaked).toBe(false)
  })

  it('reports a certificate it cannot trust as a TLS problem', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'call-tray-tls-'))
    const key = path.join(folder, 'key.pem')
    const cert = path.join(folder, 'cert.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    )
    const tlsServer = https.createServer(
      { key: readFileSync(key), cert: readFileSync(cert) },
      (_req, res) => res.end('{}'),
    )
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => void tlsServer.close())
    const server = parseServerUrl(`https://localhost:${(tlsServer.address() as AddressInfo).port}`)
    if (!server.ok) throw new Error(server.error)
    const client = new RocketChatClient({ server: server.value, credentials: agentCredentials })
    cleanups.push(() => client.close())
    expect((await client.getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'tls', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
    })
  })
})
