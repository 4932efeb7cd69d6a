// A call that rang here and then vanished was either missed, answered on another
// device, or declined by the agent elsewhere. Only the server can tell: first the
// finished call itself (`media-calls.info`, there the moment it ends), then, when that
// cannot say, the call history, asked again through a short outage (a wrong "missed
// call" sends the agent to call back a customer already served); when it cannot be
// asked for a couple of minutes, what we saw (it rang, nobody answered) decides.
import type { Clock } from './clock'
import type { RateGate } from './rate-gate'
import type { CallEnding, CallHistory, Reply } from './rocketchat-client'

/** `ended`: over without being a call the agent could have taken (history `prevented`). */
export type UnansweredOutcome = 'missed' | 'answered-elsewhere' | 'declined' | 'ended'

export interface CallHistorySource {
  getCallHistory(callId: string): Promise<Reply<CallHistory | null>>
}

export interface CallEndingSource {
  getCallEnding(callId: string): Promise<Reply<CallEnding | null>>
}

/** History is written as the call ends: a moment, then on through an outage (2.2 min in all). */
export const HISTORY_RETRY_DELAYS_MS = [1000, 3000, 8000, 20_000, 40_000, 60_000]
/** The longest one attempt waits for the route's rate budget before it counts as failed. */
export const HISTORY_GATE_WAIT_MS = 70_000

export interface ResolverDeps {
  history: CallHistorySource
  /** Shared by every lookup: the history route has its own rate limit. */
  gate: RateGate
  /** Asked once per call, before history; its route has its own rate limit and gate. */
  ending?: { source: CallEndingSource; gate: RateGate }
  clock: Clock
  me: string
  retryDelaysMs?: readonly number[]
}

export async function resolveUnansweredCall(
  callId: string,
  deps: ResolverDeps,
): Promise<UnansweredOutcome> {
  const ended = deps.ending && (await askHowItEnded(callId, deps.ending, deps))
  if (ended) return ended
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

/** One request, no retries: history covers an outage. Null when the answer cannot tell. */
async function askHowItEnded(
  callId: string,
  { source, gate }: NonNullable<ResolverDeps['ending']>,
  { clock, me }: ResolverDeps,
): Promise<UnansweredOutcome | null> {
  if (!(await gate.acquire(clock.monotonic() + HISTORY_GATE_WAIT_MS))) return null
  const reply = await source.getCallEnding(callId)
  gate.update(reply.budget)
  const { result } = reply
  if (!result.ok) {
    if (result.error.kind === 'rate-limited') gate.exhaustedUntil(result.error.resetAt)
    return null
  }
  // Still open on the server (our poll lost it for a moment): history will know later.
  return result.value?.ended ? classifyEnding(result.value, me) : null
}

/**
 * Unanswered calls end after 60 s with `not-answered` (the caller's client), or from the
 * server's sweep after 121 s or more with `expired` (older builds: `timeout`): both are
 * missed, like a caller who gave up while it rang.
 */
export function classifyEnding(ending: CallEnding, me: string): UnansweredOutcome {
  if (ending.hangupReason === 'rejected' && ending.endedBy === me) return 'declined'
  if (ending.answered) return 'answered-elsewhere'
  // Newer servers: an app stopped the call before it could reach the agent (history `prevented`).
  if (ending.hangupReason === 'prevented') return 'ended'
  return 'missed'
}

export function classifyHistory(history: CallHistory, me: string): UnansweredOutcome {
  if (history.hangupReason === 'rejected' && history.endedBy === me) return 'declined'
  if (history.state === 'ended' || history.state === 'transferred') return 'answered-elsewhere'
  // Newer servers: the call was stopped before it could reach the agent.
  if (history.state === 'prevented') return 'ended'
  return 'missed'
}
