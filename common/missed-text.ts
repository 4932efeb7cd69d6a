// Why a call was missed, in the words the window and the log use. Written once.
import type { MissedReason } from './calls'

export const MISSED_REASON_TEXT: Record<MissedReason, string> = {
  'not-running': 'Call Tray was not running',
  asleep: 'the computer was asleep',
  offline: 'Call Tray could not reach the server',
  'stream-down': 'the live connection was down (checking every few seconds)',
  'notifications-paused': 'notifications were paused',
  'do-not-disturb': 'do not disturb was on',
}

/** "While it rang, the computer was asleep and notifications were paused." */
export function missedBecauseText(reasons: readonly MissedReason[]): string | null {
  if (reasons.length === 0) return null
  const parts = reasons.map((reason) => MISSED_REASON_TEXT[reason])
  const joined =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
  return `While it rang, ${joined}.`
}
