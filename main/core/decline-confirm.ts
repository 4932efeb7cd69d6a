// Some builds answer `invalid-call-state` to a reject that went through (the signal is
// processed asynchronously); the hangup that follows tells the truth. So before the
// agent hears "could not decline", the finished call is asked how it ended, a couple
// of times over a few seconds (its own route budget, through its gate).
import type { ApiError } from './api-errors'
import type { Clock } from './clock'
import type { CallEndingSource } from './missed-call-resolver'
import type { RateGate } from './rate-gate'

/** When to ask after the refused decline: the hangup is usually there within a second. */
export const DECLINE_CONFIRM_DELAYS_MS = [1000, 3000]

export interface DeclineConfirmDeps {
  source: CallEndingSource
  gate: RateGate
  clock: Clock
  me: string
  delaysMs?: readonly number[]
}

export function mayHaveGoneThrough(error: ApiError): boolean {
  return error.kind === 'rejected' && error.code === 'invalid-call-state'
}

/** True once the call has hung up as rejected by this user. */
export async function confirmDeclined(callId: string, deps: DeclineConfirmDeps): Promise<boolean> {
  const { clock, gate } = deps
  for (const delay of deps.delaysMs ?? DECLINE_CONFIRM_DELAYS_MS) {
    await new Promise<void>((resolve) => clock.setTimeout(resolve, delay))
    if (!(await gate.acquire(clock.monotonic() + delay))) continue
    const reply = await deps.source.getCallEnding(callId)
    gate.update(reply.budget)
    if (!reply.result.ok) continue
    const ending = reply.result.value
    if (ending?.ended) return ending.hangupReason === 'rejected' && ending.endedBy === deps.me
  }
  return false
}
