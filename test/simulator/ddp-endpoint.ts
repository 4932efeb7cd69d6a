// The simulator's realtime endpoint: DDP over WebSocket at `<basePath>/websocket` on the same
// HTTP server, pushing the media signals of every call transition to subscribed clients. It
// also plays the network in between: a proxy that refuses the upgrade, a dropped socket, a
// dead line, garbage on the wire, a login that never comes back.

import type { EventEmitter } from 'node:events'
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { UserDirectory } from './auth'
import { DdpSession } from './ddp-session'
import { replaySignals, signalsForTransition } from './ddp-signals'
import type {
  MediaCall,
  MediaCallState,
  RealtimeFault,
  RealtimeFrameRecord,
  RealtimeUpgradeRecord,
} from './types'

export interface DdpEndpointOptions {
  server: Server
  basePath: string
  users: UserDirectory
  /** The simulator's emitter of 'call-changed' (call, previousState). */
  events: EventEmitter
  enabled: boolean
  pingIntervalMs: number
  clockNow: () => number
  newerValues: boolean
}

export const DEFAULT_PING_INTERVAL_MS = 25_000

export class DdpEndpoint {
  readonly frames: RealtimeFrameRecord[] = []
  readonly upgrades: RealtimeUpgradeRecord[] = []
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
  private readonly sessions = new Set<DdpSession>()
  private refuseStatus: number | null = null
  private mute = false
  private silentLogin = false

  constructor(private readonly options: DdpEndpointOptions) {
    options.server.on('upgrade', this.onUpgrade)
    options.events.on('call-changed', this.onCallChanged)
  }

  get clientCount(): number {
    return this.sessions.size
  }

  injectFault(fault: RealtimeFault): void {
    switch (fault.kind) {
      case 'refuse-upgrade':
        this.refuseStatus = fault.status
        return
      case 'drop':
        return this.closeAll()
      case 'no-pong':
        this.mute = true
        return
      case 'garbage':
        for (const session of this.sessions) session.sendGarbage()
        return
      case 'silent-login':
        this.silentLogin = true
        return
    }
  }

  clearFaults(): void {
    this.refuseStatus = null
    this.mute = false
    this.silentLogin = false
  }

  /** Sends `signal` on `<userId>/media-signal` to every session of the user that subscribed. */
  push(userId: string, signal: Record<string, unknown>): void {
    const eventName = `${userId}/media-signal`
    for (const session of this.sessions) session.deliver(userId, eventName, [signal])
  }

  /** Another client of the user registered: its live calls are announced again. */
  replay(userId: string, calls: MediaCall[]): void {
    for (const call of calls) {
      for (const signal of replaySignals(call, userId)) this.push(userId, signal)
    }
  }

  /** Every open socket, abruptly (a restart or a dropped connection). */
  closeAll(): void {
    for (const session of this.sessions) session.terminate()
    this.sessions.clear()
  }

  dispose(): void {
    this.closeAll()
    this.options.server.off('upgrade', this.onUpgrade)
    this.options.events.off('call-changed', this.onCallChanged)
    this.wss.close()
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = new URL(req.url ?? '/', 'http://simulator').pathname
    const record = (status: number) =>
      this.upgrades.push({ at: this.options.clockNow(), path, status })
    socket.on('error', () => socket.destroy())
    const status =
      path !== `${this.options.basePath}/websocket` || !this.options.enabled
        ? 404
        : this.refuseStatus
    if (status !== null) {
      record(status)
      return refuseUpgrade(socket, status)
    }
    record(101)
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws))
  }

  private accept(ws: WebSocket): void {
    const session = new DdpSession(ws, {
      users: this.options.users,
      frames: this.frames,
      clockNow: this.options.clockNow,
      pingIntervalMs: this.options.pingIntervalMs,
      faults: () => ({ mute: this.mute, silentLogin: this.silentLogin }),
    })
    this.sessions.add(session)
    ws.on('close', () => this.sessions.delete(session))
  }

  private readonly onCallChanged = (call: MediaCall, previous: MediaCallState | null): void => {
    const opts = { newerValues: this.options.newerValues }
    for (const { userId, signal } of signalsForTransition(call, previous, opts)) {
      this.push(userId, signal)
    }
  }
}

/** What nginx and friends answer when they do not pass WebSockets through. */
function refuseUpgrade(socket: Duplex, status: number): void {
  const text = STATUS_CODES[status] ?? 'Error'
  const body = `<html><head><title>${status} ${text}</title></head><body><h1>${status} ${text}</h1></body></html>\r\n`
  socket.end(
    [
      `HTTP/1.1 ${status} ${text}`,
      'Content-Type: text/html',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  )
}
