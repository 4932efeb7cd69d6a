// The factory and lifecycle of the local Rocket.Chat stand-in: one node:http server on
// 127.0.0.1 that keeps connections alive like a real one, can "restart" on the same
// port with its data intact (a DB-backed server coming back), and exposes the call
// lifecycle so tests and scenarios can drive what the client should see.

import { EventEmitter } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createApi, DEFAULT_SERVER_VERSION, majorVersion } from './api'
import { UserDirectory } from './auth'
import { CallStore } from './call-store'
import { DdpEndpoint, DEFAULT_PING_INTERVAL_MS } from './ddp-endpoint'
import { FaultInjector } from './faults'
import { createRequestHandler } from './pipeline'
import { RateLimiter } from './rate-limiter'
import { authRoutes } from './routes-auth'
import { callHistoryRoutes, mediaCallRoutes } from './routes-calls'
import { voiceRoutes } from './routes-voice'
import { DEMO_USERS } from './scenarios'
import type {
  Fault,
  MediaCall,
  PartyRef,
  RealtimeFault,
  RealtimeFrameRecord,
  RealtimeUpgradeRecord,
  RequestRecord,
  Simulator,
  SimulatorOptions,
} from './types'
import { DEFAULT_LICENSE_MODULES, PermissionStore } from './voice-access'

export type * from './types'

const DEFAULT_RATE_LIMIT = { calls: 10, windowMs: 60_000 }
/** CallDirector's EXPIRATION_TIME. */
const DEFAULT_RING_EXPIRY_MS = 120_000
/** TIMEOUT_TO_ACCEPT in @rocket.chat/media-signaling. */
const DEFAULT_CALLER_GIVES_UP_MS = 60_000
const DEFAULT_DOWN_MS = 200

export async function createSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = new HttpSimulator(options)
  await sim.listen(options.port ?? 0)
  return sim
}

class HttpSimulator implements Simulator {
  readonly server: Server
  readonly events = new EventEmitter()
  readonly requests: RequestRecord[] = []
  private readonly host: string
  private readonly basePath: string
  private readonly store: CallStore
  private readonly faults = new FaultInjector()
  private readonly limiter: RateLimiter | undefined
  private readonly realtime: DdpEndpoint
  private readonly permissions: PermissionStore
  private readonly serverNow: () => number
  private readonly sockets = new Set<Socket>()
  private readonly timers = new Set<NodeJS.Timeout>()
  private connections = 0
  private boundPort = 0
  private closed = false

  constructor(options: SimulatorOptions) {
    const clock = options.clock ?? { now: () => Date.now() }
    const serverNow = () => clock.now() + (options.clockSkewMs ?? 0)
    this.serverNow = serverNow
    const users = new UserDirectory(options.users ?? DEMO_USERS)
    const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT
    const serverVersion = options.serverVersion ?? DEFAULT_SERVER_VERSION
    const licenseModules = options.licenseModules ?? DEFAULT_LICENSE_MODULES
    const newerValues = options.newerValues ?? false
    this.host = options.host ?? '127.0.0.1'
    this.basePath = normalizeBasePath(options.basePath)
    this.limiter = rateLimit === false ? undefined : new RateLimiter(rateLimit, serverNow())
    this.permissions = new PermissionStore(serverNow())
    this.store = new CallStore({
      now: serverNow,
      users,
      events: this.events,
      ringExpiryMs: options.ringExpiryMs ?? DEFAULT_RING_EXPIRY_MS,
      permissions: this.permissions,
      callerGivesUpMs: options.callerGivesUpMs ?? DEFAULT_CALLER_GIVES_UP_MS,
      expiryReason: options.expiryReason ?? 'expired',
      historyDelayMs: options.historyDelayMs ?? 0,
      newerValues,
    })
    const routes = [
      ...authRoutes(users, {
        legacy: options.legacy401 ?? false,
        serverVersion,
      }),
      ...(options.mediaCalls === false
        ? []
        : mediaCallRoutes(this.store, {
            rejectAnswersInvalidState: options.rejectAnswersInvalidState ?? false,
            defer: (fn) => this.defer(fn),
          })),
      ...callHistoryRoutes(this.store),
      ...voiceRoutes({
        permissions: this.permissions,
        licenseModules,
        teamCollabVoip:
          majorVersion(serverVersion) < 8 ? (options.teamCollabVoip ?? true) : undefined,
      }),
    ]
    const api = createApi({
      routes,
      users,
      limiter: this.limiter,
      rateLimitHeaders: options.rateLimitHeaders ?? true,
      legacy401: options.legacy401 ?? false,
      serverVersion,
      refusedRoutes: options.refusedRoutes ?? {},
    })
    this.server = createServer(
      createRequestHandler({
        basePath: this.basePath,
        api,
        faults: this.faults,
        requests: this.requests,
        clockNow: () => clock.now(),
        serverNow,
        timers: this.timers,
      }),
    )
    // Like a reverse proxy in front of Rocket.Chat: idle keep-alive connections stay open.
    this.server.keepAliveTimeout = 65_000
    this.server.headersTimeout = 66_000
    this.server.on('connection', (socket: Socket) => {
      this.connections += 1
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    this.realtime = new DdpEndpoint({
      server: this.server,
      basePath: this.basePath,
      users,
      events: this.events,
      enabled: options.realtime ?? true,
      pingIntervalMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
      clockNow: () => clock.now(),
      newerValues,
    })
  }

  get url(): string {
    const host = this.host.includes(':') ? `[${this.host}]` : this.host
    return `http://${host}:${this.boundPort}${this.basePath}`
  }

  get port(): number {
    return this.boundPort
  }

  get connectionCount(): number {
    return this.connections
  }

  get realtimeFrames(): RealtimeFrameRecord[] {
    return this.realtime.frames
  }

  get realtimeUpgrades(): RealtimeUpgradeRecord[] {
    return this.realtime.upgrades
  }

  get realtimeClientCount(): number {
    return this.realtime.clientCount
  }

  listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, this.host, () => {
        this.server.off('error', reject)
        this.boundPort = (this.server.address() as AddressInfo).port
        resolve()
      })
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    this.realtime.dispose()
    await this.stopListening()
  }

  async restart(opts: { downMs?: number } = {}): Promise<void> {
    if (this.closed) throw new Error('simulator: restart after close')
    await this.stopListening()
    this.limiter?.reset(this.serverNow())
    await new Promise((resolve) => setTimeout(resolve, opts.downMs ?? DEFAULT_DOWN_MS))
    await this.listen(this.boundPort)
  }

  placeCall(opts: {
    from: PartyRef
    to: PartyRef
    features?: string[]
    service?: 'webrtc' | 'cti'
  }): MediaCall {
    return this.store.place(opts)
  }

  ackCall(callId: string): MediaCall {
    return this.store.ack(callId)
  }

  acceptCall(callId: string): MediaCall {
    return this.store.accept(callId)
  }

  activateCall(callId: string): MediaCall {
    return this.store.activate(callId)
  }

  hangupCall(callId: string, opts?: { reason?: string; by?: string }): MediaCall {
    return this.store.hangup(callId, opts)
  }

  getCall(callId: string): MediaCall | undefined {
    return this.store.get(callId)
  }

  listCalls(): MediaCall[] {
    return this.store.list()
  }

  injectFault(fault: Fault, opts?: { route?: string; count?: number }): void {
    this.faults.add(fault, opts)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  registerOtherClient(userId: string): void {
    this.realtime.replay(userId, this.store.activeFor(userId))
  }

  pushSignal(userId: string, signal: Record<string, unknown>): void {
    this.realtime.push(userId, signal)
  }

  setPermissionRoles(permissionId: string, roles: string[]): void {
    this.permissions.setRoles(permissionId, roles, this.serverNow())
  }

  /** Runs `fn` just after the current answer has gone out, unless the simulator closes first. */
  private defer(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, 0)
    this.timers.add(timer)
  }

  injectRealtimeFault(fault: RealtimeFault): void {
    this.realtime.injectFault(fault)
  }

  clearRealtimeFaults(): void {
    this.realtime.clearFaults()
  }

  private stopListening(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve()
      this.realtime.closeAll()
      this.server.close(() => resolve())
      for (const socket of this.sockets) socket.destroy()
      this.sockets.clear()
    })
  }
}

function normalizeBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '')
  if (!trimmed) return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}
