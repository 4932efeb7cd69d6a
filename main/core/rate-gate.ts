// Holds requests to one route back while the server's budget for it is spent, so
// bursts of lookups (many calls ending at once) wait for the reset instead of
// collecting 429s. Callers share one gate per route, and report every answer. The
// budget is per IP: when other desks draw on it too, requests keep to this desk's
// fair share (shared-budget.ts) and do not all wait for the same reset.
import { steadyAt, type Clock } from './clock'
import { RESET_MARGIN_MS, type RateBudget } from './rate-limit'
import { SharedBudget } from './shared-budget'

/** Lookups are worth less than the polls that ring: they take a smaller part of a shared budget. */
const LOOKUP_SHARE = 0.5

export class RateGate {
  /** Its reset on the steady clock, like every instant here. */
  private budget: RateBudget | null = null
  /** While the budget is unknown one request goes first to learn it; the rest wait for its answer. */
  private probe: { done: Promise<void>; release: () => void } | null = null
  private readonly share = new SharedBudget()
  /** Between our requests while the budget is shared; null while it is ours alone. */
  private spacingMs: number | null = null
  private lastGrantedAt = Number.NEGATIVE_INFINITY
  private previousGrantedAt = Number.NEGATIVE_INFINITY
  /** One draw per grant: where in a new window this desk's next request goes. */
  private draw = 0.5
  // Lookups overlap and their answers come in any order, so the gate counts its own:
  /** Requests granted since the last answer it learnt the others' part from. */
  private grantedUnobserved = 0
  /** Requests granted and not answered yet. */
  private inFlight = 0

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  /** Waits until a request may go out; false when that would be after `deadline` (steady clock). */
  async acquire(deadline: number): Promise<boolean> {
    for (;;) {
      const now = this.clock.monotonic()
      if (now > deadline) return false
      const openAt = this.opensAt(now)
      if (openAt > now) {
        if (openAt > deadline) return false
        await new Promise<void>((resolve) => this.clock.setTimeout(resolve, openAt - now))
        continue
      }
      const budget = this.budget
      if (!budget || now >= budget.resetAt + RESET_MARGIN_MS) {
        if (this.probe) {
          await this.probe.done
          continue
        }
        this.probe = probeLatch()
      } else {
        this.budget = { ...budget, remaining: budget.remaining - 1 }
      }
      this.granted(now)
      return true
    }
  }

  /** What the server said about the route after a request (null: it said nothing). */
  update(budget: RateBudget | null): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    if (budget) {
      this.budget = { ...budget, resetAt: steadyAt(this.clock, budget.resetAt) }
      // While others of ours are out, this count may hold some of them and miss others
      // (answers come in any order): only an answer with none left out tells the
      // others' part, less everything of ours since the last such answer.
      if (this.inFlight === 0) {
        this.learn(this.budget, Math.max(1, this.grantedUnobserved))
        this.grantedUnobserved = 0
      }
    }
    this.releaseProbe()
  }

  /** A 429: nothing more until the reset, and within a shared budget a slower pace. */
  exhaustedUntil(resetAt: number): void {
    if (this.spacingMs !== null) this.spacingMs = this.share.afterRejection(this.spacingMs)
    this.budget = {
      limit: this.budget?.limit ?? 0,
      remaining: 0,
      resetAt: steadyAt(this.clock, resetAt),
    }
    this.releaseProbe()
  }

  /** The earliest a request may go: after our fair spacing, and into the next window once spent. */
  private opensAt(now: number): number {
    const budget = this.budget
    const paced = this.spacingMs === null ? now : this.lastGrantedAt + this.spacingMs
    const spent = budget !== null && budget.remaining <= 0 && now < budget.resetAt + RESET_MARGIN_MS
    if (!spent) return paced
    const spread =
      this.spacingMs === null ? 0 : this.draw * Math.min(this.spacingMs, this.share.windowMs)
    return Math.max(paced, budget.resetAt + RESET_MARGIN_MS + spread)
  }

  private granted(now: number): void {
    this.previousGrantedAt = this.lastGrantedAt
    this.lastGrantedAt = now
    this.grantedUnobserved += 1
    this.inFlight += 1
    if (this.spacingMs !== null) this.draw = this.random()
  }

  private learn(budget: RateBudget, ownRequests: number): void {
    const now = this.clock.monotonic()
    this.share.observe(budget, now, ownRequests)
    const kept = Number.isFinite(this.previousGrantedAt)
      ? this.lastGrantedAt - this.previousGrantedAt
      : 0
    const current = Math.max(
      this.spacingMs ?? 0,
      kept,
      this.share.windowMs / Math.max(1, budget.limit),
    )
    this.spacingMs = this.share.fairSpacing(current, LOOKUP_SHARE, now)
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
