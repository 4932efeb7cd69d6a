// What the sign-in form says when a step fails: one sentence the agent can act on,
// on the field they have to fix. Which step failed matters: a 404 on /api/info means
// "not Rocket.Chat", on media-calls.state "Rocket.Chat without media calls".
import type { SignInField, SignInResult } from '../../common/ipc-contract'
import { describeApiError, type ApiError } from '../core/api-errors'
import type { DdpUnavailable } from '../core/realtime/ddp-sign-in'
import { t } from '../../common/i18n'

export type SignInFailure = Exclude<SignInResult, { ok: true }>

export function failure(field: SignInField | null, message: string): SignInFailure {
  return { ok: false, kind: 'error', field, message }
}

/** Failures on the way to the server, whatever the step. */
function transportFailure(error: ApiError, host: string, now: number): SignInFailure | null {
  switch (error.kind) {
    case 'network':
      return failure('serverUrl', t('signInError.network', { host, cause: error.cause }))
    case 'timeout':
      return failure(
        'serverUrl',
        t('signInError.timeout', { host, seconds: Math.round(error.afterMs / 1000) }),
      )
    case 'tls':
      return failure('serverUrl', t('signInError.tls', { host, cause: error.cause }))
    case 'rate-limited':
      return failure(
        null,
        t('signInError.rateLimited', {
          seconds: Math.max(1, Math.ceil((error.resetAt - now) / 1000)),
        }),
      )
    case 'server-error':
      return failure(null, t('signInError.serverError', { host, status: String(error.status) }))
    default:
      return null
  }
}

function notRocketChat(why: string): SignInFailure {
  return failure('serverUrl', t('signInError.notRocketChat', { why }))
}

/** `GET /api/info`: is this Rocket.Chat at all? */
export function serverCheckFailure(error: ApiError, host: string, now: number): SignInFailure {
  switch (error.kind) {
    case 'invalid-response':
      return notRocketChat(error.detail.replace(/\.$/, ''))
    case 'not-supported':
      return notRocketChat(t('signInError.whyNoApiInfo'))
    case 'unauthorized':
    case 'two-factor-required':
      return notRocketChat(t('signInError.whyAskedForSignIn'))
    case 'rejected':
      return notRocketChat(t('signInError.whyRefused', { code: error.code }))
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
    return failure('password', t('signInError.passwordOrWebSocket', { host, reason: error.reason }))
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
    return failure('password', t('signInError.wrongPassword'))
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
    return failure('authToken', t('signInError.tokenRejected'))
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
    return failure(null, t('signInError.noMediaCalls', { host }))
  }
  if (error.kind === 'unauthorized') return identityFailure(error, method, host, now)
  // Anything else (a busy server, a rate limit) is the call engine's to retry later.
  return null
}

function credentialStepFailure(error: ApiError, host: string, now: number): SignInFailure {
  const transport = transportFailure(error, host, now)
  if (transport) return transport
  if (error.kind === 'not-supported') return notRocketChat(t('signInError.whyNoSignIn'))
  if (error.kind === 'rejected') {
    return failure(null, t('signInError.refused', { code: error.code }))
  }
  return failure(null, describeApiError(error, now))
}
