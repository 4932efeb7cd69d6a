// One DDP client on the simulator's WebSocket, as a Meteor 3 server with Rocket.Chat's streamer
// treats it: `{"server_id":"0"}` greeting, `connect` → `connected`, heartbeat pings, `login`
// with a resume token (Meteor accounts-base: an unknown token is a 403 Meteor.Error) or a
// password, wrapped as `{totp: {login, code}}` with a 2FA code (the DDP login still answers
// `totp-required` with its details where Rocket.Chat 9.0's REST login no longer does), and
// `stream-notify-user` subscriptions allowed only for the logged-in user's own events
// (Rocket.Chat's Streamer throws `not-allowed` otherwise, which DDP carries as a `nosub`).

import { randomBytes } from 'node:crypto'
import type { WebSocket } from 'ws'
import { isRecord, type LoginOutcome, type UserDirectory } from './auth'
import type { RealtimeFrameRecord } from './types'

export interface SessionDeps {
  users: UserDirectory
  frames: RealtimeFrameRecord[]
  clockNow: () => number
  pingIntervalMs: number
  /** Read on every frame: faults switch on and off while sockets stay open. */
  faults: () => { mute: boolean; silentLogin: boolean }
}

const STREAM = 'stream-notify-user'
const TOKEN_LIFETIME_MS = 90 * 24 * 3600 * 1000
const LOGGED_OUT = "You've been logged out by the server. Please log in again."

/** A Meteor.Error as DDP serializes it (`message` is `reason [error]`). */
export function meteorError(
  error: string | number,
  reason?: string,
  details?: Record<string, unknown>,
) {
  return {
    isClientSafe: true,
    error,
    ...(reason !== undefined && { reason }),
    ...(details !== undefined && { details }),
    message: reason === undefined ? `[${error}]` : `${reason} [${error}]`,
    errorType: 'Meteor.Error',
  }
}

type Frame = Record<string, unknown>

export class DdpSession {
  readonly id = randomBytes(12).toString('base64url')
  private userId: string | null = null
  private connected = false
  private readonly subs = new Map<string, string>()
  private readonly pinger: NodeJS.Timeout

  constructor(
    readonly socket: WebSocket,
    private readonly deps: SessionDeps,
  ) {
    this.pinger = setInterval(() => this.send({ msg: 'ping' }), deps.pingIntervalMs)
    socket.on('message', (data, isBinary) => this.receive(String(data), isBinary))
    socket.on('close', () => clearInterval(this.pinger))
    socket.on('error', () => socket.terminate())
    this.send({ server_id: '0' })
  }

  /** Pushes a stream event if this client subscribed to it. */
  deliver(userId: string, eventName: string, args: unknown[]): void {
    if (this.userId !== userId || ![...this.subs.values()].includes(eventName)) return
    this.send({ msg: 'changed', collection: STREAM, id: 'id', fields: { eventName, args } })
  }

  /** Everything a broken proxy or a buggy server might put on the wire. */
  sendGarbage(): void {
    const eventName = `${this.userId ?? 'nobody'}/media-signal`
    const changed = (args: unknown[]) => ({
      msg: 'changed',
      collection: STREAM,
      id: 'id',
      fields: { eventName, args },
    })
    this.sendRaw('this is not json {')
    this.sendRaw(Buffer.from([0xde, 0xad, 0xbe, 0xef]), true)
    this.send({ hello: 'world' })
    this.sendRaw('[1,2,3]')
    this.send({ msg: 'ready' })
    this.send(changed([{ type: 'new', callId: 42, role: 'callee' }]))
    this.send(changed([{ type: 'notification', callId: 'x' }]))
    this.send(changed(['not a signal']))
    this.send({ msg: 'changed', collection: STREAM, id: 'id' })
  }

  terminate(): void {
    clearInterval(this.pinger)
    this.socket.terminate()
  }

  private receive(text: string, isBinary: boolean): void {
    const frame = parseFrame(text)
    this.deps.frames.push({ at: this.deps.clockNow(), session: this.id, frame })
    if (isBinary || typeof frame !== 'object' || frame === null || Array.isArray(frame)) {
      return this.send({ msg: 'error', reason: 'Parse error' })
    }
    this.handle(frame as Frame)
  }

  private handle(frame: Frame): void {
    if (!this.connected && frame.msg !== 'connect') {
      return this.send({ msg: 'error', reason: 'Must connect first', offendingMessage: frame })
    }
    switch (frame.msg) {
      case 'connect':
        return this.connect(frame)
      case 'ping':
        return this.send({ msg: 'pong', ...(typeof frame.id === 'string' && { id: frame.id }) })
      case 'pong':
        return
      case 'method':
        return this.method(frame)
      case 'sub':
        return this.subscribe(frame)
      case 'unsub':
        this.subs.delete(String(frame.id))
        return this.send({ msg: 'nosub', id: frame.id })
      default:
        return this.send({ msg: 'error', reason: 'Bad request', offendingMessage: frame })
    }
  }

  private connect(frame: Frame): void {
    const support = Array.isArray(frame.support) ? frame.support : []
    if (frame.version !== '1' && !support.includes('1')) {
      this.send({ msg: 'failed', version: '1' })
      return this.terminate()
    }
    this.connected = true
    this.send({ msg: 'connected', session: this.id })
  }

  private method(frame: Frame): void {
    const id = String(frame.id)
    if (frame.method !== 'login') {
      const reason = `Method '${String(frame.method)}' not found`
      return this.send({ msg: 'result', id, error: meteorError(404, reason) })
    }
    if (this.deps.faults().silentLogin) return
    const [options] = Array.isArray(frame.params) ? (frame.params as unknown[]) : []
    const resume = isRecord(options) ? options.resume : undefined
    const password = typeof resume === 'string' ? undefined : passwordLoginBody(options)
    if (typeof resume !== 'string' && !password) {
      const error = meteorError(400, 'Unrecognized options for login request')
      return this.send({ msg: 'result', id, error })
    }
    const outcome = this.deps.users.login(password ?? { resume }, undefined)
    if (!outcome.ok) return this.send({ msg: 'result', id, error: loginError(outcome, !password) })
    this.userId = outcome.user.id
    const tokenExpires = { $date: this.deps.clockNow() + TOKEN_LIFETIME_MS }
    const type = password ? 'password' : 'resume'
    this.send({
      msg: 'result',
      id,
      result: { id: outcome.user.id, token: outcome.token, tokenExpires, type },
    })
    this.send({ msg: 'updated', methods: [id] })
  }

  private subscribe(frame: Frame): void {
    const id = String(frame.id)
    if (frame.name !== STREAM) {
      const error = meteorError(404, `Subscription '${String(frame.name)}' not found`)
      return this.send({ msg: 'nosub', id, error })
    }
    const [eventName] = Array.isArray(frame.params) ? (frame.params as unknown[]) : []
    const own = this.userId !== null && typeof eventName === 'string'
    if (!own || !eventName.startsWith(`${this.userId}/`)) {
      return this.send({ msg: 'nosub', id, error: meteorError('not-allowed') })
    }
    this.subs.set(id, eventName)
    this.send({ msg: 'ready', subs: [id] })
  }

  private send(frame: Frame): void {
    this.sendRaw(JSON.stringify(frame))
  }

  private sendRaw(data: string | Buffer, binary = false): void {
    if (this.deps.faults().mute || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(data, { binary })
  }
}

/** `{user: {username}|{email}, password}` or `{totp: {login, code}}` → the REST login's body. */
function passwordLoginBody(options: unknown): Record<string, unknown> | undefined {
  if (!isRecord(options)) return undefined
  const totp = isRecord(options.totp) ? options.totp : undefined
  const login = totp && isRecord(totp.login) ? totp.login : options
  const user = isRecord(login.user) ? login.user : undefined
  if (!user || login.password === undefined) return undefined
  const name =
    typeof user.username === 'string' ? { username: user.username } : { email: user.email }
  const code = typeof totp?.code === 'string' ? { code: totp.code } : {}
  return { ...name, password: login.password, ...code }
}

function loginError(outcome: Exclude<LoginOutcome, { ok: true }>, resume: boolean) {
  if (resume) return meteorError(403, LOGGED_OUT)
  if (outcome.error === 'Unauthorized') return meteorError(403, 'Incorrect password')
  return meteorError(outcome.error, outcome.message, outcome.details)
}

function parseFrame(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
