// A call that rang here and then vanished was either missed, answered on another
// device, or declined by the agent elsewhere. Only the server's call history can
// tell, so it is asked again through a short outage (a wrong "missed call" sends the
// agent to call back a customer already served); when it cannot be asked for a couple
// of minutes, what we saw (it rang, nobody answered) decides.
import type { Clock } from './clock'
import type { RateGate } from './rate-gate'
import type { CallHistory, Reply } from './rocketchat-client'

export type UnansweredOutcome = 'missed' | 'answered-elsewhere' | 'declined'

export interface CallHistorySource {
  getCallHistory(callId: string): Promise<Reply<CallHistory | null>>
}

/** History is written as the call ends: a moment, then on through an outage (2.2 min in all). */
export const HISTORY_RETRY_DELAYS_MS = [1000, 3000, 8000, 20_000, 40_000, 60_000]
/** The longest one attempt waits for the route's rate budget before it counts as failed. */
export const HISTORY_GATE_WAIT_MS = 70_000

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
  for (const delay of [0, ...(deps.retryDelaysMs ?? HISTORY_RETRY_DELAYS_MS)]) {
    if (delay > 0) await new Promise<void>((resolve) => clock.setTimeout(resolve, delay))
    // Bounded per attempt, so an attempt after a sleep (a steady clock gone on) still goes out.
    if (!(await gate.acquire(clock.monotonic() + HISTORY_GATE_WAIT_MS))) continue
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
