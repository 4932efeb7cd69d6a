// One password login over DDP, for the sign-in only. Rocket.Chat 9.0's REST login answers
// every failure with a bare `{success:false, error:'unauthorized'}`, a missing two-factor
// code included; its DDP `login` method still says `totp-required` (with the method) or
// `totp-invalid`. So when REST says no more than that, the sign-in asks here once: the same
// login, through the same socket route the realtime listener takes, then the socket closes.
import { createHash } from 'node:crypto'
import { WebSocket, type RawData } from 'ws'
import { z } from 'zod'
import type { ApiError } from '../api-errors'
import { twoFactorMethod } from '../http-responses'
import { err, ok, type Result } from '../result'
import type { Credentials } from '../rocketchat-client'
import type { ServerUrl } from '../server-url'
import { outgoing, passwordLoginFrame, readFrame, type DdpError } from './ddp-frames'
import { describeSocketError } from './realtime-listener'
import type { SocketRoute, SocketRouter } from './socket-route'
import { websocketUrl } from './websocket-url'

export interface PasswordSignIn {
  /** A username, or an e-mail address. */
  user: string
  password: string
  code?: string | undefined
}

/** Why the question could not be asked at all (no WebSocket through this network, no answer). */
export interface DdpUnavailable {
  kind: 'ddp-unavailable'
  reason: string
}

export type DdpSignIn = (
  login: PasswordSignIn,
) => Promise<Result<Credentials, ApiError | DdpUnavailable>>

export interface DdpSignInOptions {
  server: ServerUrl
  route?: SocketRouter
  timeoutMs?: number
  userAgent?: string
  now?: () => number
}

const DEFAULT_TIMEOUT_MS = 10_000
const LOGIN_ID = '1'

const loginResultSchema = z.object({ id: z.string(), token: z.string() })

export function ddpSignIn(options: DdpSignInOptions): DdpSignIn {
  const url = websocketUrl(options.server)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const now = options.now ?? Date.now
  return async (login) => {
    let route: SocketRoute
    try {
      route = options.route ? await options.route(url) : {}
    } catch (error) {
      return err(unavailable(error instanceof Error ? error.message : String(error)))
    }
    return askOnce(
      url,
      route,
      { timeoutMs, now, userAgent: options.userAgent ?? 'CallTray' },
      login,
    )
  }
}

function askOnce(
  url: string,
  route: SocketRoute,
  { timeoutMs, now, userAgent }: { timeoutMs: number; now: () => number; userAgent: string },
  login: PasswordSignIn,
): Promise<Result<Credentials, ApiError | DdpUnavailable>> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, {
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
      headers: { 'User-Agent': userAgent },
      ...(route.agent && { agent: route.agent }),
      ...(route.ca && { ca: route.ca }),
    })
    const timer = setTimeout(
      () => finish(err(unavailable(`no answer within ${Math.round(timeoutMs / 1000)} s`))),
      timeoutMs,
    )
    let done = false
    const finish = (result: Result<Credentials, ApiError | DdpUnavailable>) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.terminate()
      resolve(result)
    }
    const send = (frame: object) => socket.send(JSON.stringify(frame))
    socket.on('open', () => send(outgoing.connect()))
    socket.on('error', (error: Error) => finish(err(unavailable(describeSocketError(error)))))
    socket.on('close', () => finish(err(unavailable('the connection closed before an answer'))))
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return
      const reading = readFrame(String(data))
      if (reading.kind !== 'frame') return
      const frame = reading.frame
      if (frame.msg === 'ping') return send(outgoing.pong(frame.id))
      if (frame.msg === 'failed') return finish(err(unavailable('the server does not speak DDP 1')))
      if (frame.msg === 'connected') {
        const passwordDigest = createHash('sha256').update(login.password).digest('hex')
        return send(passwordLoginFrame(LOGIN_ID, { ...login, passwordDigest }))
      }
      if (frame.msg === 'result' && frame.id === LOGIN_ID) {
        finish(frame.error ? err(loginError(frame.error, now())) : readCredentials(frame.result))
      }
    })
  })
}

function readCredentials(result: unknown): Result<Credentials, ApiError> {
  const parsed = loginResultSchema.safeParse(result)
  if (!parsed.success) {
    return err({ kind: 'invalid-response', detail: 'the DDP login answer had no token.' })
  }
  return ok({ userId: parsed.data.id, authToken: parsed.data.token })
}

/** Rocket.Chat's checkCodeForUser errors; anything else (403 Incorrect password, User not found) is the credentials. */
function loginError(error: DdpError, now: number): ApiError {
  if (error.error === 'totp-required' || error.error === 'totp-invalid') {
    return {
      kind: 'two-factor-required',
      method: twoFactorMethod(error.details?.method),
      invalidCode: error.error === 'totp-invalid',
    }
  }
  if (error.error === 'too-many-requests') {
    // DDPRateLimiter's answer to too many login attempts from this connection's address.
    const waitMs = error.details?.timeToReset ?? 60_000
    return { kind: 'rate-limited', resetAt: now + waitMs }
  }
  return { kind: 'unauthorized', message: error.reason ?? error.message ?? 'Unauthorized' }
}

function unavailable(reason: string): DdpUnavailable {
  return { kind: 'ddp-unavailable', reason }
}
