// What the sign-in form says when a step fails: one sentence the agent can act on,
// on the field they have to fix. Which step failed matters: a 404 on /api/info means
// "not Rocket.Chat", on media-calls.state "Rocket.Chat without media calls".
import type { SignInField, SignInResult } from '../../common/ipc-contract'
import { describeApiError, type ApiError } from '../core/api-errors'
import type { DdpUnavailable } from '../core/realtime/ddp-sign-in'

export type SignInFailure = Exclude<SignInResult, { ok: true }>

export function failure(field: SignInField | null, message: string): SignInFailure {
  return { ok: false, kind: 'error', field, message }
}

/** Failures on the way to the server, whatever the step. */
function transportFailure(error: ApiError, host: string, now: number): SignInFailure | null {
  switch (error.kind) {
    case 'network':
      return failure(
        'serverUrl',
        `Cannot reach ${host}: ${error.cause}. Check the address and your network connection.`,
      )
    case 'timeout':
      return failure(
        'serverUrl',
        `${host} did not answer within ${Math.round(error.afterMs / 1000)} s. Check the address, or try again in a moment.`,
      )
    case 'tls':
      return failure(
        'serverUrl',
        `A secure connection to ${host} could not be set up (${error.cause}). If the address is right, this computer does not trust the server's certificate: your IT team can help.`,
      )
    case 'rate-limited':
      return failure(
        null,
        `The server is limiting requests from this network. Try again in ${Math.max(1, Math.ceil((error.resetAt - now) / 1000))} s.`,
      )
    case 'server-error':
      return failure(null, `${host} had a problem (HTTP ${error.status}). Try again in a moment.`)
    default:
      return null
  }
}

function notRocketChat(why: string): SignInFailure {
  return failure(
    'serverUrl',
    `This address does not look like a Rocket.Chat server (${why}). Check the address, including any sub-path such as /chat.`,
  )
}

/** `GET /api/info`: is this Rocket.Chat at all? */
export function serverCheckFailure(error: ApiError, host: string, now: number): SignInFailure {
  switch (error.kind) {
    case 'invalid-response':
      return notRocketChat(error.detail.replace(/\.$/, ''))
    case 'not-supported':
      return notRocketChat('nothing answered at /api/info')
    case 'unauthorized':
    case 'two-factor-required':
      return notRocketChat('something in front of it asked for a sign-in first')
    case 'rejected':
      return notRocketChat(`it refused with ${error.code}`)
    default:
      return transportFailure(error, host, now) ?? failure(null, describeApiError(error, now))
  }
}

/** `POST /api/v1/login` with username and password (and code), and DDP's `login` after a bare 401. */
export function loginFailure(
  error: ApiError | DdpUnavailable,
  host: string,
  now: number,
): SignInFailure {
  if (error.kind === 'ddp-unavailable') {
    return failure(
      'password',
      `The username or password is not correct, or your account needs a two-factor code that ${host} asks for only over WebSocket, which did not work from here (${error.reason}).`,
    )
  }
  if (error.kind === 'two-factor-required') {
    return {
      ok: false,
      kind: 'two-factor-required',
      method: error.method,
      message: describeApiError(error, now),
    }
  }
  if (error.kind === 'unauthorized') {
    return failure('password', 'The username or password is not correct.')
  }
  return credentialStepFailure(error, host, now)
}

/** `GET /api/v1/me` with the credentials about to be kept. */
export function identityFailure(
  error: ApiError,
  method: 'token' | 'password',
  host: string,
  now: number,
): SignInFailure {
  if (error.kind === 'unauthorized' && method === 'token') {
    return failure(
      'authToken',
      'The server did not accept this user id and access token. Check both, or create a new personal access token.',
    )
  }
  return credentialStepFailure(error, host, now)
}

/** `GET /api/v1/media-calls.state`, once: only a missing feature stops the sign-in. */
export function mediaCallsFailure(
  error: ApiError,
  method: 'token' | 'password',
  host: string,
  now: number,
): SignInFailure | null {
  if (error.kind === 'not-supported') {
    return failure(
      null,
      `${host} does not offer media calls (Rocket.Chat may be too old, or the feature is turned off). Call Tray needs them to ring: ask your administrator.`,
    )
  }
  if (error.kind === 'unauthorized') return identityFailure(error, method, host, now)
  // Anything else (a busy server, a rate limit) is the call engine's to retry later.
  return null
}

function credentialStepFailure(error: ApiError, host: string, now: number): SignInFailure {
  const transport = transportFailure(error, host, now)
  if (transport) return transport
  if (error.kind === 'not-supported') return notRocketChat('it has no Rocket.Chat sign-in')
  if (error.kind === 'rejected') {
    return failure(null, `The server refused the sign-in (${error.code}).`)
  }
  return failure(null, describeApiError(error, now))
}
