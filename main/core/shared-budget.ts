// Rocket.Chat counts requests per route per client IP, so every desk behind one NAT
// draws on the same budget (10 requests a minute by default). Between two of our own
// answers, whatever `X-RateLimit-Remaining` lost beyond our own request went to
// others; from that this learns their pace and gives the spacing that keeps this desk
// to its fair share.
//
// The rule: scale our own pace by target / (everyone's pace). n alike desks that all
// follow it settle on target / n each in one step without any desk knowing n, and
// against a fixed load of others it converges on what they leave. The fleet's total
// is what this holds; the split between desks is only roughly equal, since a desk
// sees the others' sum and cannot tell one busy desk from twenty quiet ones.
import type { RateBudget } from './rate-limit'

/** Rocket.Chat's `API_Enable_Rate_Limiter_Limit_Time_Default`, until the headers tell better. */
const DEFAULT_WINDOW_MS = 60_000
/** Resets read through 1-s Date headers wobble; a new window is at least this far on. */
const SAME_WINDOW_TOLERANCE_MS = 2000
/** Fewer requests of others than this a window: the counter is ours alone. */
const ALONE_BELOW_PER_WINDOW = 0.5
/**
 * One answer may at most quadruple the spacing (a burst of others cannot park us for
 * good) or halve it (one sample that happened to see few others cannot start a burst).
 */
const MAX_GROWTH = 4
const MAX_SHRINK = 2
/** Under the target, each desk takes this part of the headroom: small enough for a big fleet. */
const EVEN_INCREASE_PARTS = 50
/** Within this factor of the target, one answer slows a desk by at most NEAR_STEP. */
const NEAR_TARGET = 1.5
const NEAR_STEP = 1.15
/** Enough for about 450 desks on one IP at the default limit; beyond it a desk would learn nothing. */
export const MAX_FAIR_SPACING_MS = 60 * 60_000
/** Before any answer, half a window in which nobody else was seen: one early request of
 * someone else must not read as a flood. */
const PRIOR_OBSERVED_MS = 30_000
/** A full step towards the fair pace takes this long, however often a desk asks. */
const ADJUST_OVER_MS = 2 * 60_000
/** A pace read over less than this is mostly chance (a sample after a long silence). */
const MIN_OBSERVED_MS = 10_000

interface Observation {
  at: number
  remaining: number
  resetAt: number
}

export class SharedBudget {
  private limit: number | null = null
  private last: Observation | null = null
  private windowAtLeastMs = 0
  private windowAtMostMs = Number.POSITIVE_INFINITY
  // Others' requests and the time they were counted over, both decaying with age.
  private othersCount = 0
  private observedMs = PRIOR_OBSERVED_MS
  private lastSampleAt: number | null = null
  private shared = false
  private lastAdjustAt: number | null = null

  /** One of our own answers that carried the budget (reset on the same clock as `at`). */
  observe(budget: RateBudget, at: number): void {
    this.limit = budget.limit
    this.windowAtLeastMs = Math.max(this.windowAtLeastMs, budget.resetAt - at)
    const prev = this.last
    if (prev && Math.abs(budget.resetAt - prev.resetAt) <= SAME_WINDOW_TOLERANCE_MS) {
      this.addSample(Math.max(0, prev.remaining - budget.remaining - 1), at - prev.at, at)
    } else {
      if (prev && budget.resetAt > prev.resetAt) {
        this.windowAtMostMs = Math.min(this.windowAtMostMs, budget.resetAt - prev.resetAt)
      }
      // Everything used in this window so far but our own request was someone else's,
      // less the request that opened the window (it is there by construction, so it
      // says nothing about the pace).
      const windowStart = budget.resetAt - this.windowMs
      const since = Math.max(windowStart, prev?.at ?? windowStart)
      this.addSample(Math.max(0, budget.limit - budget.remaining - 2), at - since, at)
    }
    this.last = { at, remaining: budget.remaining, resetAt: budget.resetAt }
    this.updateShared()
  }

  /** After sleep the window we knew is gone; what we learnt of the others' pace stays. */
  forgetWindow(): void {
    this.last = null
  }

  get windowMs(): number {
    const guess = Math.min(DEFAULT_WINDOW_MS, this.windowAtMostMs)
    return Math.max(guess, this.windowAtLeastMs)
  }

  /** Requests a window that others behind the same IP make, as far as we can tell. */
  get othersPerWindow(): number {
    return this.othersRate * this.windowMs
  }

  get isShared(): boolean {
    return this.shared
  }

  /**
   * The spacing between our own requests that keeps everyone together within
   * `fraction` of the limit, given the spacing we keep now; null while the counter
   * is ours alone (then the server's remaining budget is ours to spread).
   */
  fairSpacing(currentSpacingMs: number, fraction: number, at: number): number | null {
    if (!this.shared || this.limit === null || this.limit <= 0) return null
    const target = (fraction * this.limit) / this.windowMs
    const others = this.othersRate
    const own = 1 / currentSpacingMs
    // A desk that asks often must not adjust more per minute than one that asks
    // rarely, or whenever there is headroom the frequent askers would take it all.
    const sinceAdjusted = this.lastAdjustAt === null ? ADJUST_OVER_MS : at - this.lastAdjustAt
    const step = Math.min(1, sinceAdjusted / ADJUST_OVER_MS)
    this.lastAdjustAt = at
    const total = own + others
    // Over the target every desk slows in proportion (the total is right in one step);
    // under it every desk speeds up by the same amount, which is what evens the split
    // out over time (a desk sees only the others' sum, so shares cannot be compared).
    const next =
      total > target
        ? own * (target / total) ** step
        : own + (step * (target - total)) / EVEN_INCREASE_PARTS
    // Never more than all the others together: one desk cannot tell twenty from one.
    const rate = Math.min(next, others)
    const spacing = 1 / rate
    // Near the target one noisy sample slows a desk only a little (speeding up is the
    // even additive step, small for a busy desk and large only for a starved one).
    const near = Math.abs(Math.log(total / target)) < Math.log(NEAR_TARGET)
    const bounded = Math.min(spacing, currentSpacingMs * (near ? NEAR_STEP : MAX_GROWTH))
    return Math.min(Math.max(currentSpacingMs / MAX_SHRINK, bounded), MAX_FAIR_SPACING_MS)
  }

  /** Others' requests per ms. */
  private get othersRate(): number {
    return this.othersCount / Math.max(this.observedMs, MIN_OBSERVED_MS)
  }

  /** Alone takes half a window of evidence: a desk that asks once in a while and happens to see nobody must not burst at once. */
  private updateShared(): void {
    const seenAlone = this.othersPerWindow < ALONE_BELOW_PER_WINDOW
    if (!seenAlone) this.shared = true
    else if (this.observedMs >= this.windowMs / 2) this.shared = false
  }

  private addSample(others: number, spanMs: number, at: number): void {
    const age = this.lastSampleAt === null ? 0 : at - this.lastSampleAt
    const keep = this.memoryFor(others, spanMs, age)
    this.othersCount = this.othersCount * keep + others
    this.observedMs = this.observedMs * keep + Math.max(0, spanMs)
    this.lastSampleAt = at
  }

  /**
   * How much of what we knew a new sample keeps: it fades within a couple of windows
   * (a desk that asks once in many minutes judges by what it sees now: an old memory of
   * a crowded start would keep it starved), and a sample that plainly contradicts it (a
   * storm of others begins or ends) starts afresh.
   */
  private memoryFor(others: number, spanMs: number, ageMs: number): number {
    const expected = this.othersRate * Math.max(0, spanMs)
    if (Math.abs(others - expected) > 3 * Math.sqrt(expected) + 2) return 0
    return Math.exp(-Math.max(0, ageMs) / (2 * this.windowMs))
  }
}
