// Holds requests to one route back while the server's budget for it is spent, so
// bursts of lookups (many calls ending at once) wait for the reset instead of
// collecting 429s. Callers share one gate per route, and report every answer.
import { steadyAt, type Clock } from './clock'
import { RESET_MARGIN_MS, type RateBudget } from './rate-limit'

export class RateGate {
  /** Its reset on the steady clock, like every instant here. */
  private budget: RateBudget | null = null
  /** While the budget is unknown one request goes first to learn it; the rest wait for its answer. */
  private probe: { done: Promise<void>; release: () => void } | null = null

  constructor(private readonly clock: Clock) {}

  /** Waits until a request may go out; false when that would be after `deadline` (steady clock). */
  async acquire(deadline: number): Promise<boolean> {
    for (;;) {
      const now = this.clock.monotonic()
      if (now > deadline) return false
      const budget = this.budget
      if (!budget || now >= budget.resetAt + RESET_MARGIN_MS) {
        if (!this.probe) {
          this.probe = probeLatch()
          return true
        }
        await this.probe.done
        continue
      }
      if (budget.remaining > 0) {
        this.budget = { ...budget, remaining: budget.remaining - 1 }
        return true
      }
      const openAt = budget.resetAt + RESET_MARGIN_MS
      if (openAt > deadline) return false
      await new Promise<void>((resolve) => this.clock.setTimeout(resolve, openAt - now))
    }
  }

  /** What the server said about the route after a request (null: it said nothing). */
  update(budget: RateBudget | null): void {
    if (budget) this.budget = { ...budget, resetAt: steadyAt(this.clock, budget.resetAt) }
    this.releaseProbe()
  }

  /** A 429: nothing more until the reset. */
  exhaustedUntil(resetAt: number): void {
    this.budget = {
      limit: this.budget?.limit ?? 0,
      remaining: 0,
      resetAt: steadyAt(this.clock, resetAt),
    }
    this.releaseProbe()
  }

  private releaseProbe(): void {
    this.probe?.release()
    this.probe = null
  }
}

function probeLatch(): { done: Promise<void>; release: () => void } {
  let release = () => {}
  const done = new Promise<void>((resolve) => (release = resolve))
  return { done, release }
}
