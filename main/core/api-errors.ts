// Every way a request to Rocket.Chat can fail, as values the UI and scheduler act
// on. Each kind has one user-facing sentence, written here once.
import { voiceUnavailableText, type VoiceUnavailableReason } from './voice-availability'
import { t } from '../../common/i18n'

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
      return t('error.unauthorized')
    case 'two-factor-required':
      return error.invalidCode ? t('error.twoFactorInvalid') : twoFactorPrompt(error.method)
    case 'rate-limited':
      return t('error.rateLimited', { seconds: secondsUntil(error.resetAt, now) })
    case 'not-supported':
      return t('error.notSupported')
    case 'server-error':
      return t('error.serverError', { status: String(error.status) })
    case 'network':
      return t('error.network', { cause: error.cause })
    case 'timeout':
      return t('error.timeout', { seconds: Math.round(error.afterMs / 1000) })
    case 'tls':
      return t('error.tls', { cause: error.cause })
    case 'invalid-response':
      return t('error.invalidResponse', { detail: error.detail })
    case 'rejected':
      return t('error.rejected', { code: error.code })
    case 'voice-unavailable':
      return voiceUnavailableText(error.reason)
  }
}

function twoFactorPrompt(method: TwoFactorMethod): string {
  switch (method) {
    case 'totp':
      return t('error.twoFactorTotp')
    case 'email':
      return t('error.twoFactorEmail')
    case 'password':
      return t('error.twoFactorPassword')
  }
}

function secondsUntil(at: number, now: number): number {
  return Math.max(1, Math.ceil((at - now) / 1000))
}
