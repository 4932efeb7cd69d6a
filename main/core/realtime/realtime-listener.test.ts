// The listener's protocol and timing against a scripted socket, on fake timers. The same
// behaviour over a real WebSocket is in test/integration/realtime-listener.test.ts.
import { EventEmitter } from 'node:events'
import type { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from '../clock'
import type { MediaSignal } from './media-signal'
import {
  RealtimeListener,
  type RealtimeHealth,
  type RealtimeListenerOptions,
} from './realtime-listener'
import type { SocketRoute } from './socket-route'

const USER_ID = 'iaZWAXecuCuBx4FnX'
const TOKEN = 'secret-resume-token'
const EVENT = `${USER_ID}/media-signal`
const PING_TIMEOUT = 40_000
const LOGIN_TIMEOUT = 10_000

type Frame = Record<string, unknown>

/** Stands in for a `ws` client: records what the listener sends, lets a test play the server. */
class FakeSocket extends EventEmitter {
  readyState = 0
  readonly sent: Frame[] = []
  ending: 'close' | 'terminate' | null = null

  constructor(readonly url: string) {
    super()
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Frame)
  }
  close(): void {
    this.ending = 'close'
    this.readyState = 3
  }
  terminate(): void {
    this.ending ??= 'terminate'
    this.readyState = 3
  }

  open(): void {
    this.readyState = 1
    this.emit('open')
  }
  receive(frame: Frame | string): void {
    const text = typeof frame === 'string' ? frame : JSON.stringify(frame)
    this.emit('message', Buffer.from(text), false)
  }
  refuse(status: number): void {
    this.emit('error', new Error(`Unexpected server response: ${status}`))
    this.readyState = 3
    this.emit('close', 1006)
  }
  drop(): void {
    this.readyState = 3
    this.emit('close', 1006)
  }
  sentOf(msg: string): Frame[] {
    return this.sent.filter((f) => f.msg === msg)
  }
  idOf(msg: 'method' | 'sub'): string {
    return String(this.sentOf(msg)[0]?.id)
  }
}

function setup(overrides: Partial<RealtimeListenerOptions> = {}) {
  const sockets: FakeSocket[] = []
  const logs: string[] = []
  const health: RealtimeHealth[] = []
  const signals: MediaSignal[] = []
  const rejections: string[] = []
  const listener = new RealtimeListener({
    server: { base: 'http://127.0.0.1:3000/chat', host: '127.0.0.1:3000' },
    credentials: { userId: USER_ID, authToken: TOKEN },
    clock: systemClock,
    random: () => 1,
    backoff: { baseMs: 1000, capMs: 60_000 },
    pingTimeoutMs: PING_TIMEOUT,
    loginTimeoutMs: LOGIN_TIMEOUT,
    createSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    },
    log: (line) => logs.push(line),
    ...overrides,
  })
  listener.onHealth((h) => health.push(h))
  listener.onSignal((s) => signals.push(s))
  listener.onAuthRejected((reason) => rejections.push(reason))
  const last = () => {
    const socket = sockets.at(-1)
    if (!socket) throw new Error('no socket yet')
    return socket
  }
  return { listener, sockets, logs, health, signals, rejections, last }
}

/** The server side of a good session, up to `ready`. */
function handshake(socket: FakeSocket): void {
  socket.open()
  socket.receive({ server_id: '0' })
  socket.receive({ msg: 'connected', session: 'session-1' })
  socket.receive({
    msg: 'result',
    id: socket.idOf('method'),
    result: { id: USER_ID, token: TOKEN, type: 'resume' },
  })
  socket.receive({ msg: 'updated', methods: [socket.idOf('method')] })
  socket.receive({ msg: 'ready', subs: [socket.idOf('sub')] })
}

const changed = (args: unknown[], eventName = EVENT) => ({
  msg: 'changed',
  collection: 'stream-notify-user',
  id: 'id',
  fields: { eventName, args },
})

const NEW_CALL = {
  callId: 'call-1',
  type: 'new',
  service: 'webrtc',
  kind: 'direct',
  role: 'callee',
  self: { type: 'user', id: USER_ID },
  contact: { type: 'user', id: 'funke', displayName: 'Funke Olasupo', username: 'funke.olasupo' },
  flags: ['internal'],
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('RealtimeListener: the session', () => {
  it('connects, logs in with the resume token and subscribes to its own media signals', () => {
    const { listener, health, last } = setup()
    expect(listener.health).toBe('down')
    listener.start()
    expect(last().url).toBe('ws://127.0.0.1:3000/chat/websocket')
    expect(listener.health).toBe('connecting')
    handshake(last())
    expect(last().sent).toEqual([
      { msg: 'connect', version: '1', support: ['1'] },
      { msg: 'method', id: '1', method: 'login', params: [{ resume: TOKEN }] },
      { msg: 'sub', id: '2', name: 'stream-notify-user', params: [EVENT, false] },
    ])
    expect(health).toEqual(['connecting', 'healthy'])
  })

  it('waits for each answer before the next step', () => {
    const { listener, last } = setup()
    listener.start()
    last().open()
    expect(last().sent.map((f) => f.msg)).toEqual(['connect'])
    last().receive({ msg: 'connected', session: 's' })
    expect(last().sent.map((f) => f.msg)).toEqual(['connect', 'method'])
    last().receive({ msg: 'result', id: 'someone-else', result: {} })
    expect(last().sent.map((f) => f.msg)).toEqual(['connect', 'method'])
  })

  it('answers server pings with the same id', () => {
    const { listener, last } = setup()
    listener.start()
    handshake(last())
    last().receive({ msg: 'ping', id: 'abc' })
    last().receive({ msg: 'ping' })
    expect(last().sentOf('pong')).toEqual([{ msg: 'pong', id: 'abc' }, { msg: 'pong' }])
  })

  it('hands on new calls and notifications for this user only', () => {
    const { listener, signals, last } = setup()
    listener.start()
    handshake(last())
    last().receive(changed([NEW_CALL]))
    last().receive(
      changed([
        { callId: 'call-1', type: 'notification', notification: 'accepted', features: ['audio'] },
      ]),
    )
    last().receive(changed([{ callId: 'call-1', type: 'remote-sdp', toContractId: 'x', sdp: {} }]))
    last().receive(changed([NEW_CALL], 'someone-else/media-signal'))
    last().receive({ ...changed([NEW_CALL]), collection: 'stream-notify-room' })
    expect(signals).toEqual([
      {
        type: 'new',
        callId: 'call-1',
        role: 'callee',
        service: 'webrtc',
        kind: 'direct',
        contact: {
          type: 'user',
          id: 'funke',
          displayName: 'Funke Olasupo',
          username: 'funke.olasupo',
        },
      },
      { type: 'notification', callId: 'call-1', notification: 'accepted', features: ['audio'] },
    ])
    expect(listener.unreadableCount).toBe(0)
  })

  it('ignores garbage, counts it, logs it once per connection, and keeps listening', () => {
    const { listener, signals, logs, last } = setup()
    listener.start()
    handshake(last())
    const before = logs.length
    last().receive('this is not json {')
    last().emit('message', Buffer.from([0xde, 0xad]), true)
    last().receive({ hello: 'world' })
    last().receive('[1,2,3]')
    last().receive({ msg: 'ready' })
    last().receive(changed([{ type: 'new', callId: 42 }]))
    last().receive(changed([]))
    last().receive({ msg: 'changed', collection: 'stream-notify-user', id: 'id' })
    expect(listener.unreadableCount).toBe(8)
    expect(logs.length - before).toBe(1)
    expect(listener.health).toBe('healthy')
    last().receive(changed([NEW_CALL]))
    expect(signals).toHaveLength(1)
  })

  it('survives a listener that throws', () => {
    const { listener, signals, last } = setup()
    listener.onSignal(() => {
      throw new Error('boom')
    })
    listener.start()
    handshake(last())
    last().receive(changed([NEW_CALL]))
    last().receive(changed([NEW_CALL]))
    expect(signals).toHaveLength(2)
    expect(listener.health).toBe('healthy')
  })

  it('stops for good: closes the socket, cancels the retry, ignores start()', () => {
    const { listener, sockets, health, last } = setup()
    listener.start()
    handshake(last())
    listener.stop()
    expect(last().ending).toBe('close')
    expect(health.at(-1)).toBe('down')
    listener.start()
    vi.advanceTimersByTime(10 * 60_000)
    expect(sockets).toHaveLength(1)
  })

  it('cancels a planned reconnect on stop', () => {
    const { listener, sockets, last } = setup()
    listener.start()
    last().refuse(502)
    listener.stop()
    vi.advanceTimersByTime(10 * 60_000)
    expect(sockets).toHaveLength(1)
  })
})

describe('RealtimeListener: failures and reconnects', () => {
  it('reconnects after a drop and subscribes again', () => {
    const { listener, sockets, health, last } = setup()
    listener.start()
    handshake(last())
    last().drop()
    expect(listener.health).toBe('down')
    vi.advanceTimersByTime(999)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)
    handshake(last())
    expect(last().sentOf('sub')).toHaveLength(1)
    expect(health).toEqual(['connecting', 'healthy', 'down', 'connecting', 'healthy'])
  })

  it('pings a quiet line and keeps it when the server answers', () => {
    const { listener, sockets, last } = setup()
    listener.start()
    handshake(last())
    vi.advanceTimersByTime(PING_TIMEOUT / 2 - 1)
    expect(last().sentOf('ping')).toHaveLength(0)
    vi.advanceTimersByTime(1)
    const [ping] = last().sentOf('ping')
    expect(ping).toEqual({ msg: 'ping', id: expect.any(String) })
    last().receive({ msg: 'pong', id: ping?.id })
    vi.advanceTimersByTime(PING_TIMEOUT - 1)
    expect(listener.health).toBe('healthy')
    expect(last().sentOf('ping')).toHaveLength(2)
    expect(sockets).toHaveLength(1)
  })

  it('sends no pings of its own while the server keeps talking', () => {
    const { listener, last } = setup()
    listener.start()
    handshake(last())
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(PING_TIMEOUT / 4)
      last().receive({ msg: 'ping' })
    }
    expect(last().sentOf('ping')).toHaveLength(0)
    expect(listener.health).toBe('healthy')
  })

  it('declares a silent line dead, terminates it and reconnects', () => {
    const { listener, sockets, logs, last } = setup()
    listener.start()
    handshake(last())
    const first = last()
    vi.advanceTimersByTime(PING_TIMEOUT - 1)
    expect(first.sentOf('ping')).toHaveLength(1)
    expect(listener.health).toBe('healthy')
    vi.advanceTimersByTime(1)
    expect(listener.health).toBe('down')
    expect(first.ending).toBe('terminate')
    expect(logs.at(-1)).toMatch(/no answer from the server for 40 s/)
    vi.advanceTimersByTime(1000)
    expect(sockets).toHaveLength(2)
  })

  it('gives up on a login that is never answered and retries', () => {
    const { listener, sockets, last } = setup()
    listener.start()
    last().open()
    last().receive({ msg: 'connected', session: 's' })
    vi.advanceTimersByTime(LOGIN_TIMEOUT - 1)
    expect(listener.health).toBe('connecting')
    vi.advanceTimersByTime(1)
    expect(listener.health).toBe('down')
    expect(sockets[0]?.ending).toBe('terminate')
    vi.advanceTimersByTime(1000)
    expect(sockets).toHaveLength(2)
  })

  it('gives up on a handshake that never completes', () => {
    const { listener, sockets } = setup()
    listener.start()
    vi.advanceTimersByTime(LOGIN_TIMEOUT)
    expect(listener.health).toBe('down')
    expect(sockets[0]?.ending).toBe('terminate')
  })

  it.each([
    ['a subscription refused', { msg: 'nosub', id: '2', error: { error: 'not-allowed' } }],
    ['an older DDP only', { msg: 'failed', version: 'pre2' }],
  ])('retries after %s', (_label, frame) => {
    const { listener, sockets, last } = setup()
    listener.start()
    last().open()
    last().receive({ msg: 'connected', session: 's' })
    last().receive({ msg: 'result', id: '1', result: {} })
    last().receive(frame)
    expect(listener.health).toBe('down')
    vi.advanceTimersByTime(1000)
    expect(sockets).toHaveLength(2)
  })

  it('resubscribes when the server ends a healthy subscription', () => {
    const { listener, sockets, last } = setup()
    listener.start()
    handshake(last())
    last().receive({ msg: 'nosub', id: last().idOf('sub') })
    expect(listener.health).toBe('down')
    vi.advanceTimersByTime(1000)
    handshake(last())
    expect(sockets).toHaveLength(2)
    expect(listener.health).toBe('healthy')
  })

  it('retries a login refused for another reason than the token', () => {
    const { listener, sockets, rejections, last } = setup()
    listener.start()
    last().open()
    last().receive({ msg: 'connected', session: 's' })
    const error = { error: 'too-many-requests', reason: 'Error, too many requests.' }
    last().receive({ msg: 'result', id: '1', error })
    vi.advanceTimersByTime(1000)
    expect(sockets).toHaveLength(2)
    expect(rejections).toEqual([])
  })

  it('reports a refused token distinctly and stops reconnecting', () => {
    const { listener, sockets, rejections, health, logs, last } = setup()
    listener.start()
    last().open()
    last().receive({ msg: 'connected', session: 's' })
    last().receive({
      msg: 'result',
      id: '1',
      error: {
        isClientSafe: true,
        error: 403,
        reason: "You've been logged out by the server. Please log in again.",
        message: "You've been logged out by the server. Please log in again. [403]",
        errorType: 'Meteor.Error',
      },
    })
    expect(rejections).toEqual(["You've been logged out by the server. Please log in again."])
    expect(health).toEqual(['connecting', 'down'])
    expect(last().ending).toBe('terminate')
    vi.advanceTimersByTime(60 * 60_000)
    expect(sockets).toHaveLength(1)
    expect(logs.join('\n')).not.toContain(TOKEN)
  })

  it('retries when the socket cannot even be created', () => {
    let calls = 0
    const { listener } = setup({
      createSocket: () => {
        calls += 1
        throw new Error('Invalid URL')
      },
    })
    listener.start()
    expect(listener.health).toBe('down')
    vi.advanceTimersByTime(1000)
    expect(calls).toBe(2)
  })
})

describe('RealtimeListener: backoff', () => {
  /** Times between attempts while every upgrade is refused. */
  function refusedAttemptGaps(count: number, random: () => number) {
    const context = setup({ random })
    const times: number[] = []
    context.listener.start()
    while (times.length < count) {
      times.push(Date.now())
      const socket = context.last()
      socket.refuse(502)
      vi.advanceTimersToNextTimer()
      expect(context.sockets.at(-1)).not.toBe(socket)
    }
    return { ...context, gaps: times.slice(1).map((t, i) => t - (times[i] ?? 0)) }
  }

  it('grows exponentially to the cap while a proxy refuses the upgrade', () => {
    const { gaps } = refusedAttemptGaps(10, () => 1)
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000])
  })

  it('jitters every wait within the upper half of its step', () => {
    const { gaps } = refusedAttemptGaps(10, () => 0)
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000])
  })

  it('logs a long run of identical failures in a few lines, never the token', () => {
    const { logs, health } = refusedAttemptGaps(50, Math.random)
    expect(logs).toHaveLength(2)
    expect(logs[1]).toMatch(/refused the WebSocket upgrade \(HTTP 502\)/)
    expect(logs.join('\n')).not.toContain(TOKEN)
    expect(health.slice(0, 4)).toEqual(['connecting', 'down', 'connecting', 'down'])
  })

  it('starts from the base again after a connection that stayed healthy', () => {
    const { gaps, listener, sockets, last } = refusedAttemptGaps(6, () => 1)
    expect(gaps.at(-1)).toBe(16_000)
    handshake(last())
    for (let i = 0; i < 6; i++) {
      vi.advanceTimersByTime(10_000)
      last().receive({ msg: 'ping' })
    }
    last().drop()
    const count = sockets.length
    vi.advanceTimersByTime(1000)
    expect(sockets).toHaveLength(count + 1)
    expect(listener.health).toBe('connecting')
  })

  it('keeps backing off from a server that accepts and drops at once', () => {
    const { gaps, sockets, last } = refusedAttemptGaps(4, () => 1)
    expect(gaps).toEqual([1000, 2000, 4000])
    handshake(last())
    last().drop()
    const count = sockets.length
    vi.advanceTimersByTime(16_000 - 1)
    expect(sockets).toHaveLength(count)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(count + 1)
  })
})

describe('RealtimeListener: the route to the server', () => {
  function routed(route: RealtimeListenerOptions['route']) {
    const routes: SocketRoute[] = []
    const harness = setup({
      route,
      createSocket: (url, socketRoute) => {
        routes.push(socketRoute)
        const socket = new FakeSocket(url)
        harness.sockets.push(socket)
        return socket as unknown as WebSocket
      },
    })
    return { ...harness, routes }
  }

  it('asks the route for every attempt, with the socket URL, and opens the socket by it', async () => {
    const asked: string[] = []
    const route: SocketRoute = { ca: ['-----BEGIN CERTIFICATE-----'] }
    const { listener, routes, last } = routed(async (url) => {
      asked.push(url)
      return route
    })
    listener.start()
    expect(listener.health).toBe('connecting')
    await vi.advanceTimersByTimeAsync(0)
    expect(routes).toEqual([route])
    last().drop()
    await vi.advanceTimersByTimeAsync(1000)
    expect(asked).toEqual([
      'ws://127.0.0.1:3000/chat/websocket',
      'ws://127.0.0.1:3000/chat/websocket',
    ])
    expect(routes).toHaveLength(2)
  })

  it('fails an attempt whose route cannot be found, says why once, and asks again later', async () => {
    let calls = 0
    const { listener, sockets, logs } = routed(async () => {
      calls += 1
      throw new Error('the system proxy settings gave no answer within 10 s')
    })
    listener.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(listener.health).toBe('down')
    expect(sockets).toEqual([])
    await vi.advanceTimersByTimeAsync(1000 + 2000)
    expect(calls).toBe(3)
    expect(logs.filter((line) => line.startsWith('realtime: down'))).toEqual([
      'realtime: down (the system proxy settings gave no answer within 10 s); retrying with backoff',
    ])
  })

  it('drops a route that arrives after reconnect() or stop()', async () => {
    const pending: ((route: SocketRoute) => void)[] = []
    const { listener, sockets } = routed(
      () => new Promise<SocketRoute>((resolve) => pending.push(resolve)),
    )
    listener.start()
    listener.reconnect()
    pending[0]?.({})
    await vi.advanceTimersByTimeAsync(0)
    expect(sockets).toEqual([])
    pending[1]?.({})
    await vi.advanceTimersByTimeAsync(0)
    expect(sockets).toHaveLength(1)
    sockets[0]?.drop()
    await vi.advanceTimersByTimeAsync(1000)
    listener.stop()
    pending[2]?.({})
    await vi.advanceTimersByTimeAsync(0)
    expect(sockets).toHaveLength(1)
  })

  it('names a proxy that wants a sign-in as the proxy, not the server', async () => {
    const { listener, logs, last } = routed(async () => ({}))
    listener.start()
    await vi.advanceTimersByTimeAsync(0)
    last().refuse(407)
    expect(logs).toContain(
      'realtime: down (the proxy asked for a sign-in (HTTP 407 Proxy Authentication Required)); retrying with backoff',
    )
  })
})
