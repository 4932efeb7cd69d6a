// Rocket.Chat counts requests per route per client IP, so every desk behind one NAT
// draws on the same budget (10 requests a minute by default). Between two of our own
// answers, whatever `X-RateLimit-Remaining` lost beyond our own request went to
// others; from that this learns their pace and gives the spacing that keeps this desk
// to its fair share, without knowing how many desks there are.
//
// The rule, per answer: move our pace (in log) by a part of how far everyone together
// is from the target, and a 429 slows us by a fixed step; between answers our pace
// creeps up by the same small amount per minute for every desk. A desk that asks more
// often is corrected more often and meets more 429s, while the creep is alike for all,
// so the only pace every desk can hold is the same one: the split evens out by
// construction (the way TCP's additive increase, multiplicative decrease does), and the
// corrections keep the office's total near the target.
import type { RateBudget } from './rate-limit'

/** Rocket.Chat's `API_Enable_Rate_Limiter_Limit_Time_Default`, until the headers tell better. */
const DEFAULT_WINDOW_MS = 60_000
/** Resets read through 1-s Date headers wobble; a new window is at least this far on. */
const SAME_WINDOW_TOLERANCE_MS = 2000
/** Fewer requests of others than this a window: the counter is ours alone. */
const ALONE_BELOW_PER_WINDOW = 0.5
/** The part of the office's excess over the target that one answer corrects (in log). */
const CORRECTION_GAIN = 0.3
/** Everyone together at more than this many times the target is no noise (a start of day). */
const PLAINLY_OVER = 1.5
/** One answer may at most quadruple the spacing or halve it. */
const MAX_GROWTH = 4
const MAX_SHRINK = 2
/** Every desk's pace creeps up by this (in log) per window between its answers... */
const CREEP_PER_WINDOW = 0.001
/** ...counted over at most this many windows, so that a desk asking rarely is not flung. */
const CREEP_MAX_WINDOWS = 10
/** A 429 slows the desk that met it by this (in log, about a third). */
const REJECTED_SLOWDOWN = 0.3
/** Enough for about 450 desks on one IP at the default limit; beyond it a desk would learn nothing. */
export const MAX_FAIR_SPACING_MS = 60 * 60_000
/** Before any answer, half a window in which nobody else was seen: one early request of
 * someone else must not read as a flood. */
const PRIOR_OBSERVED_MS = 30_000
/**
 * What a desk has seen is weighed against this much of an office on target: one short
 * sample (a few requests in a few seconds) moves the estimate a little, not all the way.
 */
const ESTIMATE_PRIOR_WINDOWS = 1
/** Less seen than this is mostly chance (a sample after a long silence). */
const MIN_OBSERVED_MS = 10_000
/** An idle counter this unlikely at the pace we remember means that pace is over. */
const UNLIKELY_IDLE = 0.05
/** What was seen fades over this many of our own spacings (at least two windows). */
const MEMORY_SPACINGS = 4

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
  // Others' requests and the time they were counted over, both fading with age.
  private othersCount = 0
  private observedMs = PRIOR_OBSERVED_MS
  private lastSampleAt: number | null = null
  private shared = false
  private lastAdjustAt: number | null = null
  private spacingMs = 0
  /** Our requests in a row that found the counter idle (each opened a window). */
  private openedInARow = 0
  /** Others' requests a window as we knew them when that run began. */
  private idleRunPace = 0

  /**
   * One of our own answers that carried the budget (reset on the same clock as `at`).
   * `ownRequests`: how many of ours the server may have counted since the last answer
   * we observed (more than one where requests overlap): they are not someone else's.
   */
  observe(budget: RateBudget, at: number, ownRequests = 1): void {
    this.limit = budget.limit
    this.windowAtLeastMs = Math.max(this.windowAtLeastMs, budget.resetAt - at)
    const prev = this.last
    this.last = { at, remaining: budget.remaining, resetAt: budget.resetAt }
    // Any answer but one that opens a window ends a run of idle counters.
    const idleRunBefore = this.openedInARow
    this.openedInARow = 0
    if (prev && Math.abs(budget.resetAt - prev.resetAt) <= SAME_WINDOW_TOLERANCE_MS) {
      // A counter that stood at zero cannot show what the others did since: reading it
      // as a quiet spell would make the desk that asks most often speed up most.
      if (prev.remaining === 0) return
      this.addSample(Math.max(0, prev.remaining - budget.remaining - ownRequests), at - prev.at, at)
      return
    }
    if (prev && budget.resetAt > prev.resetAt) {
      this.windowAtMostMs = Math.min(this.windowAtMostMs, budget.resetAt - prev.resetAt)
    }
    if (budget.remaining >= budget.limit - ownRequests) {
      // Nobody asked between the end of the last window and our request. When that
      // window is the one we saw (no other fits in between), so long was quiet.
      const sinceReset = prev ? at - prev.resetAt : Number.POSITIVE_INFINITY
      const quietMs = sinceReset > 0 && sinceReset < this.windowMs ? sinceReset : 0
      this.openedWindow(at, prev?.remaining === 0, idleRunBefore, quietMs)
      return
    }
    // Everything used in this window so far but our own request was someone else's,
    // less the request that opened the window (it is there by construction, so it says
    // nothing about the pace).
    const windowStart = budget.resetAt - this.windowMs
    const since = Math.max(windowStart, prev?.at ?? windowStart)
    this.addSample(Math.max(0, budget.limit - budget.remaining - ownRequests - 1), at - since, at)
  }

  /**
   * Our request opened the window: nobody asked since the last one ran out. With others
   * at pace r, a request finds the counter idle about once in (1 + r × window) times;
   * when that keeps happening more than such a pace makes likely, the pace is over (a
   * storm has ended, the office has gone home) and we start afresh from a quiet half
   * window. A desk that slowed down for a crowd, and whose every request now opens a
   * window, would otherwise never learn that the crowd is gone.
   */
  private openedWindow(
    at: number,
    afterFullWindow: boolean,
    idleRunBefore: number,
    quietMs: number,
  ): void {
    // Judged by the pace remembered when the run began: what we remember fades while
    // the run goes on, and would make each new idle counter look less surprising.
    if (idleRunBefore === 0) this.idleRunPace = this.othersPerWindow
    const idleRun = idleRunBefore + 1
    const idleChance = 1 / (1 + this.idleRunPace)
    // A window that was full at our last answer shows only that the crowd was at least
    // that big (a 429's counter stops at zero): finding the counter idle right after it
    // says the crowd that filled it has gone.
    // And a quiet span we know of (since the end of the window we saw) that the pace we
    // remember would almost surely have broken says the same.
    const crowdGone =
      afterFullWindow ||
      idleChance ** idleRun < UNLIKELY_IDLE ||
      unlikelyQuiet((this.idleRunPace / this.windowMs) * quietMs)
    if (this.shared && crowdGone) {
      this.othersCount = 0
      this.observedMs = this.windowMs / 2
      this.lastSampleAt = at
      this.updateShared()
      return
    }
    this.openedInARow = idleRun
    this.addSample(0, 0, at)
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
   * The spacing between our own requests that keeps everyone together near `fraction`
   * of the limit, given the spacing we keep now; null while the counter is ours alone
   * (then the server's remaining budget is ours to spread).
   */
  fairSpacing(currentSpacingMs: number, fraction: number, at: number): number | null {
    if (!this.shared || this.limit === null || this.limit <= 0) return null
    this.spacingMs = currentSpacingMs
    const target = (fraction * this.limit) / this.windowMs
    const own = 1 / currentSpacingMs
    const others = this.estimatedOthersRate(target - own)
    const load = (own + others) / target
    const sinceAdjusted = this.lastAdjustAt === null ? currentSpacingMs : at - this.lastAdjustAt
    this.lastAdjustAt = at
    // Near the target a gentle step (one answer is mostly noise); well over it the
    // office is plainly over, and the full proportional step makes it right.
    const step = load > PLAINLY_OVER ? Math.log(load) : CORRECTION_GAIN * (load - 1)
    // Answers close together see the same crowd: together they may slow us by no more
    // than one answer a window would (else a desk that asks often and meets a short
    // burst flings itself minutes away, and is blind that long after it).
    const maxGrowth = Math.log(MAX_GROWTH) * Math.min(1, sinceAdjusted / this.windowMs)
    const correction = Math.min(maxGrowth, Math.max(-Math.log(MAX_SHRINK), step))
    const creep = CREEP_PER_WINDOW * Math.min(sinceAdjusted / this.windowMs, CREEP_MAX_WINDOWS)
    const spacing = currentSpacingMs * Math.exp(correction - creep)
    const bounded =
      this.observedMs < MIN_OBSERVED_MS
        ? // Too little seen to speed up on (nor to trust as a bound below).
          Math.max(spacing, currentSpacingMs)
        : // Never more than all the others together (one desk cannot tell twenty from
          // one), unless they leave more than that: a desk beside a few quiet ones must
          // not crawl at their pace.
          Math.max(spacing, 1 / Math.max(others, target - others))
    return Math.min(bounded, MAX_FAIR_SPACING_MS)
  }

  /** The spacing after one of our requests met a 429 while the budget is shared. */
  afterRejection(spacingMs: number): number {
    return Math.min(spacingMs * Math.exp(REJECTED_SLOWDOWN), MAX_FAIR_SPACING_MS)
  }

  /** Others' requests per ms, as counted. */
  private get othersRate(): number {
    return this.othersCount / Math.max(this.observedMs, MIN_OBSERVED_MS)
  }

  /** Others' pace for deciding ours: what was counted, weighed against an office on target. */
  private estimatedOthersRate(onTarget: number): number {
    const priorMs = ESTIMATE_PRIOR_WINDOWS * this.windowMs
    return (this.othersCount + Math.max(0, onTarget) * priorMs) / (this.observedMs + priorMs)
  }

  /**
   * Alone takes half a window of evidence: a desk that asks once in a while and happens
   * to see nobody must not burst at once. (Once the others are gone, a desk is alone
   * again at its next answer that shows so: polling alone at a crowd's pace would miss
   * calls.)
   */
  private updateShared(): void {
    if (this.othersPerWindow >= ALONE_BELOW_PER_WINDOW) this.shared = true
    else if (this.observedMs >= this.windowMs / 2) this.shared = false
  }

  private addSample(others: number, spanMs: number, at: number): void {
    const span = Math.max(0, spanMs)
    const age = this.lastSampleAt === null ? 0 : at - this.lastSampleAt
    const keep = this.memoryFor(others, span, age)
    this.othersCount = this.othersCount * keep + others
    this.observedMs = this.observedMs * keep + span
    this.lastSampleAt = at
    this.updateShared()
  }

  /**
   * How much of what we knew a new sample keeps: it fades over a few of our own spacings
   * (a desk that asks rarely needs several answers for a steady view, one that asks
   * often follows the office within minutes), and a sample that plainly contradicts it
   * (a storm of others begins or ends) starts afresh.
   */
  private memoryFor(others: number, spanMs: number, ageMs: number): number {
    const expected = this.othersRate * spanMs
    if (Math.abs(others - expected) > 3 * Math.sqrt(expected) + 2) return 0
    // Nobody at all where the pace we remember would almost surely have shown someone:
    // that pace is over (the same test as for an idle counter, openedWindow).
    if (others === 0 && unlikelyQuiet(expected)) return 0
    const fadeMs = Math.max(2 * this.windowMs, MEMORY_SPACINGS * this.spacingMs)
    return Math.exp(-Math.max(0, ageMs) / fadeMs)
  }
}

/** Nobody at all, where this many requests were expected, is too unlikely to be chance. */
function unlikelyQuiet(expectedRequests: number): boolean {
  return Math.exp(-expectedRequests) < UNLIKELY_IDLE
}
