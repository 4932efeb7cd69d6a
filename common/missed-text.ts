// Why a call was missed, in the words the window and the log use. Written once.
import type { MissedReason } from './calls'
import { listText, t } from './i18n'
import type { MessageKey } from './i18n/catalog'

const MISSED_REASON_KEYS = {
  'not-running': 'missed.notRunning',
  asleep: 'missed.asleep',
  offline: 'missed.offline',
  'stream-down': 'missed.streamDown',
  'notifications-paused': 'missed.notificationsPaused',
  'do-not-disturb': 'missed.doNotDisturb',
} as const satisfies Record<MissedReason, MessageKey>

export const missedReasonText = (reason: MissedReason): string => t(MISSED_REASON_KEYS[reason])

/** "While it rang, the computer was asleep and notifications were paused." */
export function missedBecauseText(reasons: readonly MissedReason[]): string | null {
  if (reasons.length === 0) return null
  return t('missed.because', { reasons: listText(reasons.map(missedReasonText)) })
}
