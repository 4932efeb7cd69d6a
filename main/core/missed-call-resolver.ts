// A call that rang here and then vanished was either missed, answered on another
// device, or declined by the agent elsewhere. Only the server's call history can
// tell; when it cannot be asked, what we saw (it rang, nobody answered) decides.
import type { ApiError } from './api-errors'
import type { Result } from './result'
import type { CallHistory } from './rocketchat-client'

export type UnansweredOutcome = 'missed' | 'answered-elsewhere' | 'declined'

export interface CallHistorySource {
  getCallHistory(callId: string): Promise<Result<CallHistory | null, ApiError>>
}

/** History is written as the call ends; give the server a moment before falling back. */
export const HISTORY_RETRY_DELAYS_MS = [1000, 3000, 8000]

export async function resolveUnansweredCall(
  callId: string,
  me: string,
  history: CallHistorySource,
  wait: (ms: number) => Promise<void>,
  retryDelaysMs: readonly number[] = HISTORY_RETRY_DELAYS_MS,
): Promise<UnansweredOutcome> {
  for (const delay of [0, ...retryDelaysMs]) {
    if (delay > 0) await wait(delay)
    const answer = await history.getCallHistory(callId)
    if (answer.ok && answer.value) return classifyHistory(answer.value, me)
    if (!answer.ok && answer.error.kind === 'unauthorized') break
  }
  return 'missed'
}

export function classifyHistory(history: CallHistory, me: string): UnansweredOutcome {
  if (history.hangupReason === 'rejected' && history.endedBy === me) return 'declined'
  if (history.state === 'ended' || history.state === 'transferred') return 'answered-elsewhere'
  return 'missed'
}
