// A passive DDP listener for Rocket.Chat media signals: one WebSocket to `<server>/websocket`,
// `connect` → `login` (resume token) → `sub` to `stream-notify-user` `<userId>/media-signal`,
// and from then on it only answers pings and hands `new` / `notification` signals on. It never
// registers, answers or otherwise takes part in a call: a device that did would bind calls to
// a client with no media. Any drop reconnects with backoff and subscribes again; a refused
// token stops it for good, like a 401 stops the poller.
import { WebSocket, type RawData } from 'ws'
import type { Clock, TimerHandle } from '../clock'
import { PROXY_SIGN_IN } from '../http-responses'
import type { Credentials } from '../rocketchat-client'
import type { ServerUrl } from '../server-url'
import {
  MEDIA_SIGNAL_STREAM,
  describeDdpError,
  isAuthError,
  mediaSignalEvent,
  outgoing,
  readFrame,
  type DdpError,
  type DdpFrame,
  type OutgoingFrame,
} from './ddp-frames'
import { readMediaSignal, type MediaSignal } from './media-signal'
import { DEFAULT_BACKOFF, ReconnectBackoff, type BackoffSettings } from './reconnect-backoff'
import type { SocketRoute, SocketRouter } from './socket-route'
import { websocketUrl } from './websocket-url'

export type RealtimeHealth = 'connecting' | 'healthy' | 'down'

export interface RealtimeListenerOptions {
  server: ServerUrl
  credentials: Credentials
  clock: Clock
  random?: () => number
  /** Reconnect backoff with jitter; defaults 1 s → 5 min cap. */
  backoff?: BackoffSettings
  /** The socket is dead when nothing (message, ping, pong) arrived for this long; we ping at half. */
  pingTimeoutMs?: number
  /** From opening the socket to the subscription being ready; otherwise drop and retry. */
  loginTimeoutMs?: number
  /** How each connection attempt reaches the server (proxy, certificates); directly with Node's defaults when left out. */
  route?: SocketRouter
  createSocket?: (url: string, route: SocketRoute) => WebSocket
  /** One line per health change worth telling (repeats of the same failure are not); never a token. */
  log?: (message: string) => void
}

const DEFAULT_PING_TIMEOUT_MS = 45_000
const DEFAULT_LOGIN_TIMEOUT_MS = 15_000
const MAX_FRAME_BYTES = 4 * 1024 * 1024

type Phase = 'opening' | 'greeting' | 'login' | 'subscribing' | 'ready'

/** One socket's worth of state; a new attempt gets a new one, so late events of an old socket are recognisable. */
interface Connection {
  socket: WebSocket
  phase: Phase
  loginId: string
  subId: string
  nextId: number
  lastHeardAt: number
  /** Our ping went out and nothing has arrived since. */
  pingPending: boolean
  healthyAt: number | null
  garbageLogged: boolean
  setupTimer: TimerHandle | null
  lineTimer: TimerHandle | null
}

export class RealtimeListener {
  private readonly url: string
  private readonly credentials: Credentials
  private readonly clock: Clock
  private readonly backoff: ReconnectBackoff
  private readonly pingTimeoutMs: number
  private readonly loginTimeoutMs: number
  private readonly route: SocketRouter | undefined
  private readonly createSocket: (url: string, route: SocketRoute) => WebSocket
  private readonly log: (message: string) => void
  private readonly signalListeners = new Set<(signal: MediaSignal) => void>()
  private readonly healthListeners = new Set<(health: RealtimeHealth) => void>()
  private readonly authListeners = new Set<(reason: string) => void>()
  private currentHealth: RealtimeHealth = 'down'
  private conn: Connection | null = null
  /** Counts routed attempts, so a route that resolves after reconnect() started another is dropped. */
  private attempt = 0
  private retryTimer: TimerHandle | null = null
  private started = false
  private finished = false
  private unreadable = 0
  private lastLoggedFailure: string | null = null
  private listenerFailureLogged = false

  constructor(options: RealtimeListenerOptions) {
    this.url = websocketUrl(options.server)
    this.credentials = options.credentials
    this.clock = options.clock
    this.backoff = new ReconnectBackoff(
      options.backoff ?? DEFAULT_BACKOFF,
      options.random ?? Math.random,
    )
    this.pingTimeoutMs = options.pingTimeoutMs ?? DEFAULT_PING_TIMEOUT_MS
    this.loginTimeoutMs = options.loginTimeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS
    this.route = options.route
    this.createSocket = options.createSocket ?? ((url, route) => this.defaultSocket(url, route))
    this.log = options.log ?? (() => {})
  }

  get health(): RealtimeHealth {
    return this.currentHealth
  }

  /** Frames or signals that could not be read since start (they are skipped, never fatal). */
  get unreadableCount(): number {
    return this.unreadable
  }

  start(): void {
    if (this.started || this.finished) return
    this.started = true
    this.log(`realtime: connecting to ${this.url}`)
    this.connect()
  }

  /** Final: closes the socket, cancels every timer; a later start() does nothing. */
  stop(): void {
    if (this.finished) return
    this.finished = true
    this.cancelRetry()
    this.closeConnection(true)
    this.setHealth('down')
  }

  /**
   * After sleep the socket may be dead without either side having noticed (no ping
   * for up to pingTimeoutMs): start over at once, with a fresh backoff.
   */
  reconnect(): void {
    if (!this.started || this.finished) return
    this.cancelRetry()
    this.closeConnection(false)
    this.backoff.reset()
    this.connect()
  }

  onSignal(listener: (signal: MediaSignal) => void): () => void {
    return subscribe(this.signalListeners, listener)
  }

  onHealth(listener: (health: RealtimeHealth) => void): () => void {
    return subscribe(this.healthListeners, listener)
  }

  /** The server refused the token (DDP login error 403/401): treat like a REST 401. The listener has stopped. */
  onAuthRejected(listener: (reason: string) => void): () => void {
    return subscribe(this.authListeners, listener)
  }

  private connect(): void {
    this.retryTimer = null
    if (this.finished) return
    this.setHealth('connecting')
    if (!this.route) return this.open({})
    const attempt = ++this.attempt
    const current = () => attempt === this.attempt && !this.finished
    this.route(this.url).then(
      (route) => {
        if (current()) this.open(route)
      },
      (error: unknown) => {
        if (current()) this.retryLater(errorText(error))
      },
    )
  }

  private open(route: SocketRoute): void {
    let socket: WebSocket
    try {
      socket = this.createSocket(this.url, route)
    } catch (error) {
      this.retryLater(errorText(error))
      return
    }
    const conn: Connection = {
      socket,
      phase: 'opening',
      loginId: '1',
      subId: '2',
      nextId: 3,
      lastHeardAt: this.clock.monotonic(),
      pingPending: false,
      healthyAt: null,
      garbageLogged: false,
      setupTimer: null,
      lineTimer: null,
    }
    this.conn = conn
    socket.on('open', () => this.onOpen(conn))
    socket.on('message', (data: RawData, isBinary: boolean) => this.onMessage(conn, data, isBinary))
    socket.on('error', (error: Error) => this.drop(conn, describeSocketError(error)))
    socket.on('close', (code: number) => this.drop(conn, `the connection closed (code ${code})`))
    conn.setupTimer = this.clock.setTimeout(() => {
      const seconds = Math.round(this.loginTimeoutMs / 1000)
      this.drop(conn, `no subscription within ${seconds} s`)
    }, this.loginTimeoutMs)
  }

  private onOpen(conn: Connection): void {
    if (conn !== this.conn) return
    conn.phase = 'greeting'
    conn.lastHeardAt = this.clock.monotonic()
    this.send(conn, outgoing.connect())
    this.checkLine(conn)
  }

  private onMessage(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn !== this.conn) return
    conn.lastHeardAt = this.clock.monotonic()
    conn.pingPending = false
    if (isBinary) return this.noteUnreadable(conn, 'a binary frame')
    const reading = readFrame(rawText(data))
    if (reading.kind === 'garbage') this.noteUnreadable(conn, reading.detail)
    else if (reading.kind === 'frame') this.handleFrame(conn, reading.frame)
  }

  private handleFrame(conn: Connection, frame: DdpFrame): void {
    switch (frame.msg) {
      case 'ping':
        return this.send(conn, outgoing.pong(frame.id))
      case 'pong':
        return
      case 'connected':
        if (conn.phase !== 'greeting') return
        conn.phase = 'login'
        return this.send(conn, outgoing.login(conn.loginId, this.credentials.authToken))
      case 'failed':
        return this.drop(conn, `the server does not speak DDP 1 (it offers ${frame.version})`)
      case 'result':
        if (conn.phase !== 'login' || frame.id !== conn.loginId) return
        if (frame.error) return this.loginFailed(conn, frame.error)
        conn.phase = 'subscribing'
        return this.send(conn, outgoing.subscribe(conn.subId, this.credentials.userId))
      case 'ready':
        if (conn.phase === 'subscribing' && frame.subs.includes(conn.subId))
          this.becomeHealthy(conn)
        return
      case 'nosub':
        if (frame.id !== conn.subId) return
        return this.drop(conn, `the subscription was refused (${describeDdpError(frame.error)})`)
      case 'changed':
        return this.onStreamEvent(conn, frame)
    }
  }

  private onStreamEvent(conn: Connection, frame: Extract<DdpFrame, { msg: 'changed' }>): void {
    if (frame.collection !== MEDIA_SIGNAL_STREAM) return
    if (!frame.fields) return this.noteUnreadable(conn, "a 'changed' event without fields")
    if (frame.fields.eventName !== mediaSignalEvent(this.credentials.userId)) return
    const [raw] = frame.fields.args
    const reading = readMediaSignal(raw)
    if (reading.kind === 'invalid') this.noteUnreadable(conn, reading.detail)
    else if (reading.kind === 'signal') this.emit(this.signalListeners, reading.signal)
  }

  private becomeHealthy(conn: Connection): void {
    conn.phase = 'ready'
    conn.healthyAt = this.clock.monotonic()
    this.clearTimer(conn.setupTimer)
    conn.setupTimer = null
    const failures = this.backoff.consecutiveFailures
    this.lastLoggedFailure = null
    this.log(
      `realtime: listening for media signals${failures > 0 ? ` (after ${failures} failed attempts)` : ''}`,
    )
    this.setHealth('healthy')
  }

  private loginFailed(conn: Connection, error: DdpError): void {
    const reason = describeDdpError(error)
    if (!isAuthError(error)) return this.drop(conn, `login failed (${reason})`)
    this.finished = true
    this.closeConnection(false)
    this.log(`realtime: the server refused the login token (${reason}); not reconnecting`)
    this.setHealth('down')
    this.emit(this.authListeners, reason)
  }

  /** Sends our own ping once the line has been quiet for half the timeout; gives up at the timeout. */
  private checkLine(conn: Connection): void {
    if (conn !== this.conn) return
    const quietMs = this.pingTimeoutMs / 2
    const idle = this.clock.monotonic() - conn.lastHeardAt
    if (idle >= this.pingTimeoutMs) {
      return this.drop(conn, `no answer from the server for ${Math.round(idle / 1000)} s`)
    }
    if (idle >= quietMs && !conn.pingPending) {
      conn.pingPending = true
      this.send(conn, outgoing.ping(String(conn.nextId++)))
    }
    const wait = idle < quietMs ? quietMs - idle : this.pingTimeoutMs - idle
    conn.lineTimer = this.clock.setTimeout(() => this.checkLine(conn), wait)
  }

  private drop(conn: Connection, reason: string): void {
    if (conn !== this.conn) return
    const healthyFor = conn.healthyAt === null ? null : this.clock.monotonic() - conn.healthyAt
    this.closeConnection(false)
    this.backoff.connectionEnded(healthyFor)
    this.retryLater(reason)
  }

  private retryLater(reason: string): void {
    const delay = this.backoff.nextDelay()
    // A proxy that refuses every upgrade fails the same way for hours: say it once.
    if (reason !== this.lastLoggedFailure) {
      this.log(`realtime: down (${reason}); retrying with backoff`)
      this.lastLoggedFailure = reason
    }
    this.setHealth('down')
    this.retryTimer = this.clock.setTimeout(() => this.connect(), delay)
  }

  private closeConnection(graceful: boolean): void {
    const conn = this.conn
    if (!conn) return
    this.conn = null
    this.clearTimer(conn.setupTimer)
    this.clearTimer(conn.lineTimer)
    try {
      if (graceful && conn.socket.readyState === WebSocket.OPEN) conn.socket.close(1000)
      else conn.socket.terminate()
    } catch {
      // Already closed: nothing left to release.
    }
  }

  private send(conn: Connection, frame: OutgoingFrame): void {
    if (conn.socket.readyState !== WebSocket.OPEN) return
    try {
      conn.socket.send(JSON.stringify(frame))
    } catch (error) {
      this.drop(conn, errorText(error))
    }
  }

  private noteUnreadable(conn: Connection, detail: string): void {
    this.unreadable += 1
    if (conn.garbageLogged) return
    conn.garbageLogged = true
    this.log(`realtime: ignoring unreadable data from the server (${detail})`)
  }

  private setHealth(health: RealtimeHealth): void {
    if (health === this.currentHealth) return
    this.currentHealth = health
    this.emit(this.healthListeners, health)
  }

  private emit<T>(listeners: Set<(value: T) => void>, value: T): void {
    for (const listener of [...listeners]) {
      try {
        listener(value)
      } catch (error) {
        if (this.listenerFailureLogged) continue
        this.listenerFailureLogged = true
        this.log(`realtime: a listener failed (${errorText(error)})`)
      }
    }
  }

  private cancelRetry(): void {
    this.clearTimer(this.retryTimer)
    this.retryTimer = null
  }

  private clearTimer(timer: TimerHandle | null): void {
    if (timer !== null) this.clock.clearTimeout(timer)
  }

  private defaultSocket(url: string, route: SocketRoute): WebSocket {
    return new WebSocket(url, {
      perMessageDeflate: false,
      handshakeTimeout: this.loginTimeoutMs,
      maxPayload: MAX_FRAME_BYTES,
      headers: { 'User-Agent': 'CallTray' },
      ...(route.agent && { agent: route.agent }),
      ...(route.ca && { ca: route.ca }),
    })
  }
}

function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener)
  return () => set.delete(listener)
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}

export function describeSocketError(error: Error): string {
  const status = /Unexpected server response: (\d+)/.exec(error.message)?.[1]
  // A tunnelling agent hands the proxy's refusal of CONNECT on as if the server had answered.
  if (status === '407') return PROXY_SIGN_IN
  return status ? `the server refused the WebSocket upgrade (HTTP ${status})` : error.message
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
