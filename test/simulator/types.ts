// The simulator's public contract in one place, so the engine tests, the headless
// runner's --demo, the benchmarks and the soak can be written against it while the
// implementation files change. Shapes follow Rocket.Chat's IMediaCall and
// IMediaCallHistoryItem (see /work/shared/rocketchat/API.md).

import type { EventEmitter } from 'node:events'
import type { Server } from 'node:http'

export interface SimClock {
  /** Epoch milliseconds. */
  now(): number
}

export interface SimUser {
  id: string
  username: string
  name: string
  password: string
  tokens: string[]
  twoFactor?: { method: 'totp' | 'email' | 'password'; code: string }
  bypassRateLimit?: boolean
  /** Rocket.Chat roles (default ['user']); `GET /me` returns them and voice-call permissions are granted per role. */
  roles?: string[]
}

export interface SimulatorOptions {
  host?: string
  port?: number
  /** Sub-path install, e.g. '/chat' → routes under /chat/api/... */
  basePath?: string
  clock?: SimClock
  /** Server clock = clock.now() + skew. */
  clockSkewMs?: number
  /**
   * Per route+method, one window per rule shared by every IP (Meteor's RateLimiter; see
   * rate-limiter.ts). `false`: like the 7.x builds that did not enforce v1 limits: no
   * `X-RateLimit-*` headers and no 429s.
   */
  rateLimit?: { calls: number; windowMs: number } | false
  /** false → limits still enforced, but no `X-RateLimit-*` headers (the 429 body still says the wait). Default true. */
  rateLimitHeaders?: boolean
  /**
   * What `/api/info` reports (default `DEFAULT_SERVER_VERSION`, an 8.x with media calls). 7.x
   * adds the public setting `VoIP_TeamCollab_Enabled`; 9.x applies Rocket.Chat's planned
   * breaking changes (`applyBreakingChanges`): 401s are `{success:false, error}` only, and a
   * failed login, 2FA included, is a bare `{success:false, error:'unauthorized'}`.
   */
  serverVersion?: string
  /** The license's `activeModules` (default has `teams-voip`); [] models an unlicensed server. */
  licenseModules?: string[]
  /** 7.x only: the value of `VoIP_TeamCollab_Enabled` (default true; an unlicensed server reads false). */
  teamCollabVoip?: boolean
  /**
   * Routes that answer only this status after authentication, e.g. `{ 'licenses.info': 403 }`
   * (a user without the permission, a proxy rule) or 404 (an older server): "cannot tell".
   */
  refusedRoutes?: Record<string, 403 | 404>
  /**
   * The caller's client (Rocket.Chat's media-signaling, TIMEOUT_TO_ACCEPT) hangs up a call
   * from a user that nobody answered after this long, reason `not-answered` (default 60 s;
   * false → only the server's expiry ends it).
   */
  callerGivesUpMs?: number | false
  /** The server expiry's hangup reason: `expired` (default) or older builds' `timeout`. */
  expiryReason?: 'expired' | 'timeout'
  /**
   * History items appear this long after the hangup (server clock; the real server writes them
   * asynchronously, so a first `call-history.info` 404 is normal). Default 0.
   */
  historyDelayMs?: number
  /**
   * Values of newer builds: history state `prevented` (a call hung up with reason `prevented`:
   * an app refused it before it rang), `notification: 'trying'` to the caller when the callee's
   * client acknowledges, an `update` signal (contact, features) before `accepted`, and calls
   * of service `cti`. Default false.
   */
  newerValues?: boolean
  /**
   * A reject that went through still answers 400 `invalid-call-state` (some builds process the
   * signal asynchronously); the hangup with reason `rejected` follows just after. Default false.
   */
  rejectAnswersInvalidState?: boolean
  /** false → media-calls.* answer 404 like a server without the feature. */
  mediaCalls?: boolean
  users?: SimUser[]
  /** expiresAt = now + this on every transition. */
  ringExpiryMs?: number
  /** Answer 401s with the older `{status:'error', message}` body. */
  legacy401?: boolean
  /** DDP at `<basePath>/websocket` (default true); false → the upgrade gets 404, like a proxy without WebSocket. */
  realtime?: boolean
  /** How often the DDP endpoint pings each client (default 25 s). */
  pingIntervalMs?: number
}

export type PartyRef =
  { type: 'user'; id: string } | { type: 'sip'; extension: string; displayName?: string }

export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  | { kind: 'malformed'; body: string; contentType?: string }

/** Faults of the DDP endpoint; `drop` and `garbage` act once on the open sockets, the rest last until cleared. */
export type RealtimeFault =
  /** Answer every upgrade with this HTTP status, like a proxy that does not pass WebSockets. */
  | { kind: 'refuse-upgrade'; status: number }
  /** Close every open socket abruptly. */
  | { kind: 'drop' }
  /** Accept sockets but answer nothing, not even pings: a dead line that TCP has not noticed. */
  | { kind: 'no-pong' }
  /** Send malformed frames to every open socket: not JSON, JSON of the wrong shape, a broken signal. */
  | { kind: 'garbage' }
  /** Leave `login` unanswered. */
  | { kind: 'silent-login' }

/** A frame a realtime client sent, so tests can assert what it never sends. */
export interface RealtimeFrameRecord {
  at: number
  session: string
  /** Parsed JSON, or the raw text when it was not JSON. */
  frame: unknown
}

export interface RealtimeUpgradeRecord {
  at: number
  path: string
  /** 101 when the WebSocket was accepted. */
  status: number
}

export type MediaCallState = 'none' | 'ringing' | 'accepted' | 'active' | 'hangup'

/** Who ended a call the server hung up itself (expiry). */
export interface ServerActor {
  type: 'server'
  id: 'server'
}

export interface MediaCallContact {
  type: 'user' | 'sip'
  id: string
  contractId?: string
  displayName?: string
  username?: string
  sipExtension?: string
}

/** Rocket.Chat's IMediaCall. Dates serialize to ISO strings in JSON. */
export interface MediaCall {
  _id: string
  /** `cti` only with `newerValues`. */
  service: 'webrtc' | 'cti'
  kind: 'direct'
  state: MediaCallState
  createdBy: MediaCallContact
  createdAt: Date
  caller: MediaCallContact & { contractId: string }
  callee: MediaCallContact
  uids: string[]
  ended: boolean
  features: string[]
  expiresAt: Date
  _updatedAt: Date
  acceptedAt?: Date
  activatedAt?: Date
  endedAt?: Date
  endedBy?: MediaCallContact | ServerActor
  hangupReason?: string
  callerRequestedId?: string
  transferredBy?: MediaCallContact
  transferredAt?: Date
}

/** `prevented` only with `newerValues`. */
export type CallHistoryState =
  'ended' | 'not-answered' | 'failed' | 'error' | 'transferred' | 'prevented'

/** Rocket.Chat's IInternalMediaCallHistoryItem | IExternalMediaCallHistoryItem. */
export interface CallHistoryItem {
  _id: string
  _updatedAt: Date
  uid: string
  ts: Date
  callId: string
  direction: 'inbound' | 'outbound'
  state: CallHistoryState
  type: 'media-call'
  /** Seconds of media (activatedAt → endedAt), 0 when the call never became active. */
  duration: number
  endedAt: Date
  external: boolean
  contactId?: string
  contactName?: string
  contactUsername?: string
  contactExtension?: string
}

export interface RequestRecord {
  /** clock.now() when the request arrived (the injected clock, without skew). */
  at: number
  method: string
  /** Path without basePath and '/api/v1/' (or '/api/'), e.g. 'media-calls.state', 'info'. */
  route: string
  /** 0 when the socket was dropped without an answer. */
  status: number
  ip: string
  /** Parsed JSON body of a POST, so a test can assert what a client sent. */
  body?: unknown
}

export interface Simulator {
  readonly url: string
  readonly port: number
  readonly server: Server
  /** Emits 'call-changed' (call: MediaCall, previousState: MediaCallState | null). */
  readonly events: EventEmitter
  close(): Promise<void>
  restart(opts?: { downMs?: number }): Promise<void>
  /**
   * Throws `CallRejectedError` ('forbidden') when a party lacks the voice-call permission
   * (internal calls: `allow-internal-voice-calls`; SIP: `allow-external-voice-calls`): the
   * call never exists, so nobody gets a signal or history.
   */
  placeCall(opts: {
    from: PartyRef
    to: PartyRef
    features?: string[]
    /** `cti` needs `newerValues`. */
    service?: 'webrtc' | 'cti'
  }): MediaCall
  ackCall(callId: string): MediaCall
  acceptCall(callId: string): MediaCall
  activateCall(callId: string): MediaCall
  hangupCall(callId: string, opts?: { reason?: string; by?: string }): MediaCall
  getCall(callId: string): MediaCall | undefined
  listCalls(): MediaCall[]
  injectFault(fault: Fault, opts?: { route?: string; count?: number }): void
  clearFaults(): void
  readonly requests: RequestRecord[]
  readonly connectionCount: number
  injectRealtimeFault(fault: RealtimeFault): void
  clearRealtimeFaults(): void
  readonly realtimeFrames: RealtimeFrameRecord[]
  readonly realtimeUpgrades: RealtimeUpgradeRecord[]
  /** WebSockets open right now. */
  readonly realtimeClientCount: number
  /**
   * Another client of this user registers (e.g. the web app opens): the server re-sends `new`
   * for each of the user's live calls, `self.contractId` set when a device holds that side,
   * then `notification: accepted|active` with `signedContractId`.
   */
  registerOtherClient(userId: string): void
  /** Pushes any signal to the user's subscribed sessions (newer or unknown signal types). */
  pushSignal(userId: string, signal: Record<string, unknown>): void
  /** Gives `permissionId` to exactly these roles; `permissions.listAll?updatedSince=` then lists it. */
  setPermissionRoles(permissionId: string, roles: string[]): void
}
