// The realtime listener against the simulator's DDP endpoint over a real WebSocket on
// 127.0.0.1: signals arrive, faults are survived, and the client only ever listens.
// Timeouts are shortened through options; waits are on events, and their generous limit
// only turns a hang into a readable failure. Timing assertions are lower bounds only.
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../main/core/clock'
import {
  RealtimeListener,
  type MediaSignal,
  type RealtimeHealth,
  type RealtimeListenerOptions,
} from '../../main/core/realtime'
import { parseServerUrl } from '../../main/core/server-url'
import { AGENT1, FUNKE, createSimulator, type Simulator, type SimulatorOptions } from '../simulator'

const WAIT_MS = 15_000
const TOKEN = AGENT1.tokens[0] ?? ''
const BACKOFF = { baseMs: 40, capMs: 320 }
/** What a passive listener may ever send. */
const ALLOWED_MESSAGES = new Set(['connect', 'method', 'sub', 'ping', 'pong'])

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

interface Harness {
  sim: Simulator
  listener: RealtimeListener
  health: RealtimeHealth[]
  signals: MediaSignal[]
  rejections: string[]
  logs: string[]
  until(condition: () => boolean, what: string): Promise<void>
  ring(): string
  sentMessages(): string[]
}

async function start(
  simOptions: SimulatorOptions = {},
  listenerOptions: Partial<RealtimeListenerOptions> = {},
): Promise<Harness> {
  const sim = await createSimulator({ rateLimit: false, pingIntervalMs: 100, ...simOptions })
  cleanups.push(() => sim.close())
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const logs: string[] = []
  const listener = new RealtimeListener({
    server: server.value,
    credentials: { userId: AGENT1.id, authToken: TOKEN },
    clock: systemClock,
    backoff: BACKOFF,
    pingTimeoutMs: 1000,
    loginTimeoutMs: 600,
    log: (line) => logs.push(line),
    ...listenerOptions,
  })
  cleanups.push(() => listener.stop())
  const health: RealtimeHealth[] = []
  const signals: MediaSignal[] = []
  const rejections: string[] = []
  listener.onHealth((h) => health.push(h))
  listener.onSignal((s) => signals.push(s))
  listener.onAuthRejected((reason) => rejections.push(reason))
  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + WAIT_MS
    while (!condition()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; health ${health.join(' → ')}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
  const ring = () =>
    sim.placeCall({ from: { type: 'user', id: FUNKE.id }, to: { type: 'user', id: AGENT1.id } })._id
  const sentMessages = () =>
    sim.realtimeFrames.map((r) => String((r.frame as { msg?: unknown }).msg))
  return { sim, listener, health, signals, rejections, logs, until, ring, sentMessages }
}

const isNew = (callId: string) => (s: MediaSignal) => s.type === 'new' && s.callId === callId
const isNotification = (callId: string, notification: string) => (s: MediaSignal) =>
  s.type === 'notification' && s.callId === callId && s.notification === notification
const healthyCount = (health: RealtimeHealth[]) => health.filter((h) => h === 'healthy').length

/** Listens only: connect, login, sub, and pings/pongs; no register, no answer, no other method. */
function expectOnlyListening(sim: Simulator): void {
  for (const { frame } of sim.realtimeFrames) {
    const f = frame as { msg?: string; method?: string; name?: string }
    expect(ALLOWED_MESSAGES.has(String(f.msg))).toBe(true)
    if (f.msg === 'method') expect(f.method).toBe('login')
    if (f.msg === 'sub') expect(f.name).toBe('stream-notify-user')
    expect(JSON.stringify(frame)).not.toMatch(/register|answer/)
  }
}

describe('realtime listener against the simulator', () => {
  it('subscribes, sending exactly connect, login and sub', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    expect(h.sim.realtimeFrames.slice(0, 3).map((r) => r.frame)).toEqual([
      { msg: 'connect', version: '1', support: ['1'] },
      { msg: 'method', id: '1', method: 'login', params: [{ resume: TOKEN }] },
      {
        msg: 'sub',
        id: '2',
        name: 'stream-notify-user',
        params: [`${AGENT1.id}/media-signal`, false],
      },
    ])
    // Server pings every 100 ms: the listener answers each with a pong.
    await h.until(() => h.sentMessages().includes('pong'), 'a pong')
    expectOnlyListening(h.sim)
    expect(h.logs.join('\n')).not.toContain(TOKEN)
  })

  it('hands on a ringing call and its accept, activation and hangup', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'the new-call signal')
    expect(h.signals.find(isNew(id))).toEqual({
      type: 'new',
      callId: id,
      role: 'callee',
      service: 'webrtc',
      kind: 'direct',
      contact: { type: 'user', id: FUNKE.id, displayName: FUNKE.name, username: FUNKE.username },
    })
    h.sim.ackCall(id)
    h.sim.acceptCall(id)
    h.sim.activateCall(id)
    h.sim.hangupCall(id)
    await h.until(() => h.signals.some(isNotification(id, 'hangup')), 'the hangup notification')
    expect(h.signals.map((s) => (s.type === 'notification' ? s.notification : s.type))).toEqual([
      'new',
      'accepted',
      'active',
      'hangup',
    ])
    expect(h.signals[1]).toMatchObject({ features: ['audio', 'screen-share', 'transfer', 'hold'] })
    expectOnlyListening(h.sim)
  })

  it('reconnects and subscribes again after the sockets are dropped', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    h.sim.injectRealtimeFault({ kind: 'drop' })
    await h.until(() => healthyCount(h.health) === 2, 'healthy again')
    expect(h.health.slice(0, 4)).toEqual(['connecting', 'healthy', 'down', 'connecting'])
    expect(h.sentMessages().filter((m) => m === 'sub')).toHaveLength(2)
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'a signal after the reconnect')
  })

  it('starts over at once when asked to (after sleep), and subscribes again', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    h.listener.reconnect()
    expect(h.listener.health).toBe('connecting')
    await h.until(() => healthyCount(h.health) === 2, 'healthy again')
    expect(h.sim.realtimeUpgrades).toHaveLength(2)
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'a signal after the reconnect')
  })

  it('reconnects and subscribes again after a server restart', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    await h.sim.restart({ downMs: 100 })
    await h.until(() => healthyCount(h.health) === 2, 'healthy after the restart')
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'a signal after the restart')
    expectOnlyListening(h.sim)
  })

  it('stays down behind a proxy that refuses the upgrade, backing off, with few log lines', async () => {
    const h = await start({}, { random: () => 0.5 })
    h.sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 502 })
    h.listener.start()
    await h.until(() => h.sim.realtimeUpgrades.length >= 8, 'eight refused upgrades')
    expect(h.listener.health).not.toBe('healthy')
    expect(h.sim.realtimeUpgrades.every((u) => u.status === 502)).toBe(true)
    // Waits are 3/4 of 40, 80, 160, 320 (cap), 320 ... ms: each gap at least that long.
    const times = h.sim.realtimeUpgrades.map((u) => u.at)
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0))
    const minimum = [30, 60, 120, 240, 240, 240, 240]
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual((minimum[i] ?? 240) - 5))
    expect(h.logs.length).toBeLessThanOrEqual(2)
    expect(h.logs.at(-1)).toMatch(/HTTP 502/)
    h.sim.clearRealtimeFaults()
    await h.until(() => h.listener.health === 'healthy', 'healthy once the proxy lets it through')
  })

  it('is down, quietly, on a server whose proxy answers 404 to the upgrade', async () => {
    const h = await start({ realtime: false })
    h.listener.start()
    await h.until(() => h.sim.realtimeUpgrades.length >= 6, 'six refused upgrades')
    expect(h.listener.health).not.toBe('healthy')
    expect(h.logs.length).toBeLessThanOrEqual(2)
  })

  it('notices a dead line (no pongs), drops it and reconnects', async () => {
    const h = await start({ pingIntervalMs: 60_000 })
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    h.sim.injectRealtimeFault({ kind: 'no-pong' })
    await h.until(() => h.health.includes('down'), 'the dead line noticed')
    // Quiet line: the listener pinged before giving up.
    expect(h.sentMessages()).toContain('ping')
    expect(h.logs.join('\n')).toMatch(/no answer from the server/)
    h.sim.clearRealtimeFaults()
    await h.until(() => healthyCount(h.health) === 2, 'healthy again')
    expectOnlyListening(h.sim)
  })

  it('ignores garbage on the wire and keeps listening', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    h.sim.injectRealtimeFault({ kind: 'garbage' })
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'a signal after the garbage')
    expect(h.listener.unreadableCount).toBeGreaterThan(0)
    expect(h.listener.health).toBe('healthy')
    expect(h.health).toEqual(['connecting', 'healthy'])
    expect(h.logs.filter((line) => line.includes('unreadable'))).toHaveLength(1)
  })

  it('gives up on a login that is never answered, and retries', async () => {
    const h = await start()
    h.sim.injectRealtimeFault({ kind: 'silent-login' })
    h.listener.start()
    const logins = () => h.sentMessages().filter((m) => m === 'method').length
    await h.until(() => logins() >= 2, 'a second login attempt')
    expect(h.health).toContain('down')
    h.sim.clearRealtimeFaults()
    await h.until(() => h.listener.health === 'healthy', 'healthy once login is answered')
  })

  it('reports a refused token as auth rejected and stops trying', async () => {
    const h = await start({}, { credentials: { userId: AGENT1.id, authToken: 'revoked-token' } })
    h.listener.start()
    await h.until(() => h.rejections.length === 1, 'the auth rejection')
    expect(h.rejections[0]).toMatch(/logged out/)
    expect(h.listener.health).toBe('down')
    expect(h.logs.join('\n')).not.toContain('revoked-token')
    await new Promise((resolve) => setTimeout(resolve, 4 * BACKOFF.capMs))
    expect(h.sim.realtimeUpgrades).toHaveLength(1)
  })

  it('works on a sub-path install', async () => {
    const h = await start({ basePath: '/chat' })
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    expect(h.sim.realtimeUpgrades[0]?.path).toBe('/chat/websocket')
    const id = h.ring()
    await h.until(() => h.signals.some(isNew(id)), 'the new-call signal')
  })

  it('stop closes the socket for good', async () => {
    const h = await start()
    h.listener.start()
    await h.until(() => h.listener.health === 'healthy', 'healthy')
    h.listener.stop()
    await h.until(() => h.sim.realtimeClientCount === 0, 'the socket closed')
    expect(h.listener.health).toBe('down')
    await new Promise((resolve) => setTimeout(resolve, 2 * BACKOFF.capMs))
    expect(h.sim.realtimeUpgrades).toHaveLength(1)
  })
})
