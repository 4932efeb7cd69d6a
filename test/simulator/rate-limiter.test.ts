import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, FUNKE_AUTH, SUPERVISOR_AUTH, T0, api } from './test-support'
import type { Simulator } from './types'

let sim: Simulator
afterEach(() => sim?.close())

const state = (headers: Record<string, string> = AGENT1_AUTH) =>
  api(sim, '/api/v1/media-calls.state', { headers })

describe('rate limiting', () => {
  it('counts down in the headers and resets in epoch milliseconds of server time', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({
      clock,
      clockSkewMs: 5_000,
      rateLimit: { calls: 3, windowMs: 60_000 },
    })
    const first = await state()
    clock.advance(10_000)
    const second = await state()
    expect(first.headers.get('x-ratelimit-limit')).toBe('3')
    expect(first.headers.get('x-ratelimit-remaining')).toBe('2')
    expect(second.headers.get('x-ratelimit-remaining')).toBe('1')
    // The window started with the first call, on the (skewed) server clock.
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(T0 + 5_000 + 60_000))
    expect(second.headers.get('x-ratelimit-reset')).toBe(String(T0 + 5_000 + 60_000))
  })

  it('answers 429 with the exact body of a real server once the quota is spent', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, rateLimit: { calls: 2, windowMs: 60_000 } })
    await state()
    await state()
    clock.advance(17_500)
    const limited = await state()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0')
    expect(limited.headers.get('x-ratelimit-reset')).toBe(String(T0 + 60_000))
    expect(limited.json).toEqual({
      success: false,
      error:
        'Error, too many requests. Please slow down. You must wait 43 seconds before trying this endpoint again. [error-too-many-requests]',
    })
  })

  it('opens a new window only once the old one has strictly passed, as Meteor does', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, rateLimit: { calls: 1, windowMs: 60_000 } })
    await state()
    expect((await state()).status).toBe(429)
    clock.advance(60_000)
    const onTheReset = await state()
    expect(onTheReset.status).toBe(429)
    expect(onTheReset.json.error).toContain('You must wait 0 seconds')
    clock.advance(1)
    const fresh = await state()
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('x-ratelimit-reset')).toBe(String(T0 + 120_001))
  })

  it('keeps one window per rule: it starts at the server start and resets for every IP at once', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, rateLimit: { calls: 2, windowMs: 60_000 } })
    clock.advance(50_000)
    // A client's first call finds the window the server opened at its start.
    const first = await state()
    expect(first.headers.get('x-ratelimit-reset')).toBe(String(T0 + 60_000))
    await state()
    expect((await state()).status).toBe(429)
    clock.advance(20_000)
    // Another IP's call resets the rule at T0 + 70 s: the first IP's counter starts over too.
    const other = await state({ ...AGENT1_AUTH, 'X-Real-IP': '10.0.0.7' })
    expect(other.headers.get('x-ratelimit-reset')).toBe(String(T0 + 130_000))
    clock.advance(5_000)
    const again = await state()
    expect(again.status).toBe(200)
    expect(again.headers.get('x-ratelimit-remaining')).toBe('1')
    expect(again.headers.get('x-ratelimit-reset')).toBe(String(T0 + 130_000))
    // Another route has a rule and a window of its own.
    const me = await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })
    expect(me.headers.get('x-ratelimit-reset')).toBe(String(T0 + 135_000))
  })

  it('starts the windows again when the server restarts', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock, rateLimit: { calls: 1, windowMs: 60_000 } })
    await state()
    clock.advance(30_000)
    await sim.restart({ downMs: 1 })
    const fresh = await state()
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('x-ratelimit-reset')).toBe(String(T0 + 90_000))
  })

  it('can enforce the limit without sending X-RateLimit headers', async () => {
    sim = await createSimulator({
      rateLimit: { calls: 1, windowMs: 60_000 },
      rateLimitHeaders: false,
    })
    const ok = await state()
    const limited = await state()
    expect(ok.status).toBe(200)
    expect(limited.status).toBe(429)
    expect(limited.json.error).toContain('too many requests')
    for (const res of [ok, limited]) {
      expect([...res.headers.keys()].filter((k) => k.startsWith('x-ratelimit'))).toEqual([])
    }
  })

  it('checks authentication first, so a 401 costs no quota and carries no headers', async () => {
    sim = await createSimulator({ rateLimit: { calls: 1, windowMs: 60_000 } })
    for (let i = 0; i < 3; i++) {
      const res = await state({ 'X-User-Id': 'iaZWAXecuCuBx4FnX', 'X-Auth-Token': 'wrong' })
      expect(res.status).toBe(401)
      expect(res.headers.get('x-ratelimit-limit')).toBeNull()
    }
    expect((await state()).status).toBe(200)
  })

  it('keeps one counter per route and per client IP, shared by users behind one IP', async () => {
    sim = await createSimulator({ rateLimit: { calls: 1, windowMs: 60_000 } })
    expect((await state(AGENT1_AUTH)).status).toBe(200)
    expect((await state(FUNKE_AUTH)).status).toBe(429)
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
    const otherIp = await state({ ...AGENT1_AUTH, 'X-Real-IP': '10.0.0.7' })
    expect(otherIp.status).toBe(200)
  })

  it('lets users with api-bypass-rate-limit through without headers', async () => {
    sim = await createSimulator({ rateLimit: { calls: 1, windowMs: 60_000 } })
    for (let i = 0; i < 3; i++) {
      const res = await state(SUPERVISOR_AUTH)
      expect(res.status).toBe(200)
      expect(res.headers.get('x-ratelimit-limit')).toBeNull()
    }
  })

  it('limits login too, but not /api/info', async () => {
    sim = await createSimulator({ rateLimit: { calls: 1, windowMs: 60_000 } })
    const body = { user: 'agent1', password: 'agent1-password' }
    expect((await api(sim, '/api/v1/login', { body })).status).toBe(200)
    expect((await api(sim, '/api/v1/login', { body })).status).toBe(429)
    for (let i = 0; i < 3; i++) {
      const info = await api(sim, '/api/info')
      expect(info.status).toBe(200)
      expect(info.headers.get('x-ratelimit-limit')).toBeNull()
    }
  })

  it('can be switched off like 7.x builds that did not enforce v1 limits: no headers, no 429s', async () => {
    sim = await createSimulator({ rateLimit: false })
    for (let i = 0; i < 12; i++) {
      const res = await state()
      expect(res.status).toBe(200)
      expect([...res.headers.keys()].filter((k) => k.startsWith('x-ratelimit'))).toEqual([])
    }
  })

  it('defaults to 10 calls per 60 seconds', async () => {
    sim = await createSimulator({ clock: new FakeClock() })
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) statuses.push((await state()).status)
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429])
    expect((await state()).headers.get('x-ratelimit-reset')).toBe(String(T0 + 60_000))
  })
})
