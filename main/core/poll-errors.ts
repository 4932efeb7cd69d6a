// What a failed poll means: for the scheduler (when to try again) and for the
// status the agent sees. Offline and rate-limited statuses learn their retry time
// from the scheduler's plan.
import type { ConnectionStatus } from '../../common/calls'
import { describeApiError, type ApiError } from './api-errors'
import type { PollOutcome } from './poll-scheduler'
import type { RateBudget } from './rate-limit'
import { t } from '../../common/i18n'

export interface PollErrorMeaning {
  outcome: PollOutcome
  status: ConnectionStatus
  /** True when `status.retryAt` is to be taken from the scheduler's next planned poll. */
  retryFromPlan: boolean
}

export const signedOutDetail = (): string => t('signIn.signedOutDetail')

export function interpretPollError(
  error: ApiError,
  budget: RateBudget | null,
  now: number,
): PollErrorMeaning {
  const detail = describeApiError(error, now)
  switch (error.kind) {
    case 'unauthorized':
    case 'two-factor-required':
      return {
        outcome: { kind: 'stop' },
        status: { state: 'unauthorized', detail: signedOutDetail() },
        retryFromPlan: false,
      }
    case 'rate-limited':
      return {
        outcome: { kind: 'rate-limited', resetAt: error.resetAt, budget },
        status: { state: 'rate-limited', detail, retryAt: error.resetAt },
        retryFromPlan: true,
      }
    case 'not-supported':
    case 'voice-unavailable':
      return {
        outcome: { kind: 'unsupported' },
        status: { state: 'unsupported', detail },
        retryFromPlan: false,
      }
    default:
      return {
        outcome: { kind: 'failure', budget },
        status: { state: 'offline', detail, retryAt: null },
        retryFromPlan: true,
      }
  }
}
