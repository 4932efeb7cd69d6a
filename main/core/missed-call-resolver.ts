// A call that rang here and then vanished was either missed, answered on another
// device, or declined by the agent elsewhere. Only the server's call history can
// tell; when it cannot be asked, what we saw (it rang, nobody answered) decides.
import type { Clock } from './clock'
import type { RateGate } from './rate-gate'
import type { CallHistory, Reply } from './rocketchat-client'

export type UnansweredOutcome = 'missed' | 'answered-elsewhere' | 'declined'

export interface CallHistorySource {
  getCallHistory(callId: string): Promise<Reply<CallHistory | null>>
}

/** History is written as the call ends; give the server a moment before falling back. */
export const HISTORY_RETRY_DELAYS_MS = [1000, 3000, 8000]
/** A missed-call notice later than this is worth less than one based on what we saw. */
export const HISTORY_DEADLINE_MS = 70_000

export interface ResolverDeps {
  history: CallHistorySource
  /** Shared by every lookup: the history route has its own rate limit. */
  gate: RateGate
  clock: Clock
  me: string
  retryDelaysMs?: readonly number[]
}

export async function resolveUnansweredCall(
  callId: string,
  deps: ResolverDeps,
): Promise<UnansweredOutcome> {
  const { clock, gate } = deps
  const deadline = clock.now() + HISTORY_DEADLINE_MS
  for (const delay of [0, ...(deps.retryDelaysMs ?? HISTORY_RETRY_DELAYS_MS)]) {
    if (delay > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, delay))
    if (!(await gate.acquire(deadline))) break
    const reply = await deps.history.getCallHistory(callId)
    gate.update(reply.budget)
    const { result } = reply
    if (result.ok && result.value) return classifyHistory(result.value, deps.me)
    if (!result.ok && result.error.kind === 'rate-limited')
      gate.exhaustedUntil(result.error.resetAt)
    if (!result.ok && result.error.kind === 'unauthorized') break
  }
  return 'missed'
}

export function classifyHistory(history: CallHistory, me: string): UnansweredOutcome {
  if (history.hangupReason === 'rejected' && history.endedBy === me) return 'declined'
  if (history.state === 'ended' || history.state === 'transferred') return 'answered-elsewhere'
  return 'missed'
}
