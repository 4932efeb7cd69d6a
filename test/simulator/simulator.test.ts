import { Agent, request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, T0, api } from './test-support'
import type { Simulator } from './types'

const AGENT1 = 'iaZWAXecuCuBx4FnX'
const FUNKE = 'aEGCdnFoBFCFNdiyX'

let sim: Simulator
afterEach(() => sim?.close())

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'

/** GET over node:http with a given agent, to observe connection reuse. */
function get(agent: Agent, url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
      .on('error', reject)
      .end()
  })
}

describe('server', () => {
  it('answers /api/info without credentials, version trimmed like getServerInfo', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/info')
    // An 8.x by default: a version with media calls.
    expect(res.json).toEqual({ version: '8.8', success: true })
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}`)
  })

  it('sends JSON with a Date header from the skewed server clock', async () => {
    const clock = new FakeClock(T0 + 999)
    sim = await createSimulator({ clock, clockSkewMs: -90_000 })
    const res = await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('date')).toBe('Thu, 30 Apr 2026 13:28:30 GMT')
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    expect(call.createdAt.getTime()).toBe(T0 + 999 - 90_000)
  })

  it('answers unknown routes and unknown methods with 404', async () => {
    sim = await createSimulator()
    const unknown = await api(sim, '/api/v1/nope', { headers: AGENT1_AUTH })
    const wrongMethod = await api(sim, '/api/v1/media-calls.state', {
      method: 'DELETE',
      headers: AGENT1_AUTH,
    })
    expect([unknown.status, wrongMethod.status]).toEqual([404, 404])
    expect(unknown.json).toEqual({ success: false, error: 'Not found' })
  })

  it('answers media-calls.* with 404 on a server without the feature', async () => {
    sim = await createSimulator({ mediaCalls: false })
    const res = await api(sim, '/api/v1/media-calls.state', { headers: AGENT1_AUTH })
    expect(res.status).toBe(404)
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
  })

  it('serves everything below basePath, and nothing outside it', async () => {
    sim = await createSimulator({ basePath: '/chat/' })
    expect(sim.url).toBe(`http://127.0.0.1:${sim.port}/chat`)
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
    const outside = await fetch(`http://127.0.0.1:${sim.port}/api/v1/me`, { headers: AGENT1_AUTH })
    expect(outside.status).toBe(404)
    expect(sim.requests.map((r) => r.route)).toEqual(['me', '/api/v1/me'])
  })

  it('keeps a connection alive across requests', async () => {
    sim = await createSimulator({ rateLimit: false })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    for (let i = 0; i < 5; i++) {
      expect(await get(agent, `${sim.url}/api/v1/media-calls.state`, AGENT1_AUTH)).toBe(200)
    }
    expect(sim.connectionCount).toBe(1)
    agent.destroy()
  })

  it('records every request', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, clockSkewMs: 5_000 })
    await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })
    await api(sim, '/api/v1/login', { body: { user: 'agent1', password: 'x' } })
    expect(sim.requests).toEqual([
      { at: T0, method: 'GET', route: 'me', status: 200, ip: '127.0.0.1' },
      {
        at: T0,
        method: 'POST',
        route: 'login',
        status: 401,
        ip: '127.0.0.1',
        body: { user: 'agent1', password: 'x' },
      },
    ])
  })
})

describe('restart', () => {
  it('comes back on the same port with calls and tokens intact and fresh rate limits', async () => {
    sim = await createSimulator({ rateLimit: { calls: 1, windowMs: 60_000 } })
    const port = sim.port
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE },
      to: { type: 'user', id: AGENT1 },
    })
    const login = await api(sim, '/api/v1/login', {
      body: { user: 'agent1', password: 'agent1-password' },
    })
    const fresh = { 'X-User-Id': AGENT1, 'X-Auth-Token': login.json.data.authToken as string }
    expect((await api(sim, '/api/v1/media-calls.state', { headers: fresh })).status).toBe(200)
    expect((await api(sim, '/api/v1/media-calls.state', { headers: fresh })).status).toBe(429)

    await sim.restart({ downMs: 10 })
    expect(sim.port).toBe(port)
    const after = await api(sim, '/api/v1/media-calls.state', { headers: fresh })
    expect(after.status).toBe(200)
    expect(after.json.calls.map((c: { _id: string }) => c._id)).toEqual([call._id])
  })

  it('refuses connections while down and cuts open keep-alive connections', async () => {
    sim = await createSimulator({ rateLimit: false })
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    await get(agent, `${sim.url}/api/v1/me`, AGENT1_AUTH)
    const restarted = sim.restart({ downMs: 1_000 })
    await expect(fetch(`${sim.url}/api/info`)).rejects.toThrow()
    await restarted
    expect(await get(agent, `${sim.url}/api/v1/me`, AGENT1_AUTH)).toBe(200)
    expect(sim.connectionCount).toBe(2)
    agent.destroy()
  })
})

describe('faults', () => {
  it('answers with an injected status, body and content type', async () => {
    sim = await createSimulator()
    sim.injectFault(
      { kind: 'status', status: 502, body: NGINX_502, contentType: 'text/html' },
      { count: 1 },
    )
    const proxied = await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })
    expect(proxied.status).toBe(502)
    expect(proxied.headers.get('content-type')).toBe('text/html')
    expect(proxied.text).toBe(NGINX_502)
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
  })

  it('defaults to a JSON error body and applies only to the given route', async () => {
    sim = await createSimulator()
    sim.injectFault({ kind: 'status', status: 503 }, { route: 'media-calls.state' })
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
    for (let i = 0; i < 3; i++) {
      const res = await api(sim, '/api/v1/media-calls.state', { headers: AGENT1_AUTH })
      expect(res.status).toBe(503)
      expect(res.json).toEqual({ success: false, error: 'Injected fault: HTTP 503' })
    }
    sim.clearFaults()
    expect((await api(sim, '/api/v1/media-calls.state', { headers: AGENT1_AUTH })).status).toBe(200)
  })

  it('drops the connection without an answer', async () => {
    sim = await createSimulator()
    sim.injectFault({ kind: 'drop' }, { count: 1 })
    await expect(fetch(`${sim.url}/api/v1/me`, { headers: AGENT1_AUTH })).rejects.toThrow()
    expect(sim.requests[0]).toMatchObject({ route: 'me', status: 0 })
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
  })

  it('answers 200 with a malformed body', async () => {
    sim = await createSimulator()
    sim.injectFault(
      { kind: 'malformed', body: '{"calls": [' },
      { route: 'media-calls.state', count: 1 },
    )
    const res = await api(sim, '/api/v1/media-calls.state', { headers: AGENT1_AUTH })
    expect([res.status, res.text, res.headers.get('content-type')]).toEqual([
      200,
      '{"calls": [',
      'application/json',
    ])
  })

  it('delays an answer, then answers normally', async () => {
    sim = await createSimulator()
    sim.injectFault({ kind: 'delay', ms: 1 }, { count: 1 })
    const res = await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })
    expect([res.status, res.json.username]).toEqual([200, 'agent1'])
  })

  it('holds a delayed request while others are answered', async () => {
    sim = await createSimulator()
    sim.injectFault({ kind: 'delay', ms: 60_000 }, { route: 'media-calls.state', count: 1 })
    const aborter = new AbortController()
    const slow = fetch(`${sim.url}/api/v1/media-calls.state`, {
      headers: AGENT1_AUTH,
      signal: aborter.signal,
    })
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
    expect(sim.requests.map((r) => r.route)).toEqual(['me'])
    aborter.abort()
    await expect(slow).rejects.toThrow()
  })
})
