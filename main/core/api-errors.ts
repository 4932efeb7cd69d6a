// Every way a request to Rocket.Chat can fail, as values the UI and scheduler act
// on. Each kind has one user-facing sentence, written here once.
import { voiceUnavailableText, type VoiceUnavailableReason } from './voice-availability'

export type TwoFactorMethod = 'totp' | 'email' | 'password'

export type ApiError =
  | {
      kind: 'unauthorized'
      message: string
      /** The 401 said only `unauthorized`: Rocket.Chat 9.0's login, whatever failed (2FA included). */
      bare?: true
    }
  | { kind: 'two-factor-required'; method: TwoFactorMethod; invalidCode: boolean }
  | { kind: 'rate-limited'; resetAt: number }
  | { kind: 'not-supported' }
  | { kind: 'server-error'; status: number }
  | { kind: 'network'; cause: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'tls'; cause: string }
  | { kind: 'invalid-response'; detail: string }
  | { kind: 'rejected'; status: number; code: string }
  /** Not an HTTP failure: the server answers, but this user cannot get voice calls there. */
  | { kind: 'voice-unavailable'; reason: VoiceUnavailableReason }

export function describeApiError(error: ApiError, now: number): string {
  switch (error.kind) {
    case 'unauthorized':
      return 'The server did not accept your credentials. Sign in again.'
    case 'two-factor-required':
      return error.invalidCode
        ? 'That two-factor code was not accepted. Try a new code.'
        : twoFactorPrompt(error.method)
    case 'rate-limited':
      return `The server asked us to slow down. Trying again in ${secondsUntil(error.resetAt, now)} s.`
    case 'not-supported':
      return 'This Rocket.Chat server does not offer media calls (it may be too old or the feature is off).'
    case 'server-error':
      return `The server had a problem (HTTP ${error.status}).`
    case 'network':
      return `Cannot reach the server (${error.cause}).`
    case 'timeout':
      return `The server did not answer within ${Math.round(error.afterMs / 1000)} s.`
    case 'tls':
      return `The server's security certificate was not accepted (${error.cause}).`
    case 'invalid-response':
      return `The server's answer could not be read: ${error.detail}`
    case 'rejected':
      return `The server refused the request (${error.code}).`
    case 'voice-unavailable':
      return voiceUnavailableText(error.reason)
  }
}

function twoFactorPrompt(method: TwoFactorMethod): string {
  switch (method) {
    case 'totp':
      return 'Enter the code from your authenticator app.'
    case 'email':
      return 'Enter the code Rocket.Chat sent to your e-mail.'
    case 'password':
      return 'Enter your password again to confirm.'
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000))
}
