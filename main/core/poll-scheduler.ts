// Decides when the next `media-calls.state` request goes out. Rocket.Chat allows
// 10 requests a minute per client IP per route by default, shared by every agent
// behind one NAT, so the budget the server reports is spread until its reset;
// failures back off with jitter; a 401 stops everything. Never two requests at once.
import { steadyAt, wallAt, type Clock, type TimerHandle } from './clock'
import { RESET_MARGIN_MS, type RateBudget } from './rate-limit'
import { SharedBudget } from './shared-budget'

export type PollOutcome =
  | { kind: 'success'; budget: RateBudget | null }
  | { kind: 'rate-limited'; resetAt: number; budget?: RateBudget | null }
  | { kind: 'failure'; budget: RateBudget | null }
  | { kind: 'unsupported' }
  | { kind: 'stop' }

export interface PollSchedulerOptions {
  clock: Clock
  poll: () => Promise<PollOutcome>
  /** Called with the (wall-clock) time of the next planned poll (null: none planned). */
  onPlanned?: (at: number | null) => void
  floorIntervalMs?: number
  random?: () => number
  /** First and longest wait after failures (tests and the soak shorten them). */
  backoff?: { baseMs: number; capMs: number }
}

export const DEFAULT_FLOOR_INTERVAL_MS = 3000
/** Even a user's "refresh now" never hammers the server faster than this. */
const MIN_GAP_MS = 1000
const DEFAULT_BACKOFF = { baseMs: 2000, capMs: 60_000 }
const UNSUPPORTED_RETRY_MS = 5 * 60_000
/** The part of a shared limit that desks polling as their only channel aim for together. */
const PRIMARY_SHARE = 0.8
/** Polls that only reconcile a healthy stream aim lower: desks without one need it more. */
const LUXURY_SHARE = 0.5
/** A spell alone shorter than this many of our shared spacings is a lull in the same crowd. */
const RESUME_WITHIN_SPACINGS = 4

export class PollScheduler {
  private readonly clock: Clock
  private readonly poll: () => Promise<PollOutcome>
  private readonly onPlanned: (at: number | null) => void
  private readonly random: () => number
  private floorIntervalMs: number
  private readonly backoff: { baseMs: number; capMs: number }
  private timer: TimerHandle | null = null
  private inFlight = false
  private refreshRequested = false
  private reconcileRequested = false
  private plannedAt: number | null = null
  private running = false
  private paused = false
  private failures = 0
  // Every instant below is on the steady clock: a jump of the wall clock must neither
  // stall polling (a clock set back an hour) nor skip the budget's wait.
  private lastStartedAt = Number.NEGATIVE_INFINITY
  private budget: RateBudget | null = null
  private readonly share = new SharedBudget()
  /** Our spacing within a shared budget; null while the budget is ours alone. */
  private fairSpacingMs: number | null = null
  private lastFairSpacingMs = 0
  private lastSharedAt = Number.NEGATIVE_INFINITY
  private shareFraction = PRIMARY_SHARE
  /** One draw per poll while sharing: jitter and a place in the next window, so desks drift apart. */
  private draw = 0.5

  constructor(options: PollSchedulerOptions) {
    this.clock = options.clock
    this.poll = options.poll
    this.onPlanned = options.onPlanned ?? (() => {})
    this.random = options.random ?? Math.random
    this.floorIntervalMs = options.floorIntervalMs ?? DEFAULT_FLOOR_INTERVAL_MS
    this.backoff = options.backoff ?? DEFAULT_BACKOFF
  }

  get isActive(): boolean {
    return this.running && !this.paused
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.paused = false
    this.planAt(this.clock.monotonic())
  }

  /** Stops for good (sign-out, 401); `start()` begins afresh. */
  stop(): void {
    this.running = false
    this.failures = 0
    this.cancelTimer()
    this.onPlanned(null)
  }

  /** For sleep: no requests until `resume()`. */
  pause(): void {
    if (!this.running || this.paused) return
    this.paused = true
    this.cancelTimer()
    this.onPlanned(null)
  }

  /** After wake: poll as soon as the budget allows. */
  resume(): void {
    if (!this.running || !this.paused) return
    this.paused = false
    // The steady clock may have stood still while asleep (Linux, macOS): what we knew of
    // the server's window is stale, and the next answer tells it afresh.
    this.budget = null
    this.share.forgetWindow()
    this.refresh()
  }

  /** An immediate poll, within the budget. */
  refresh(): void {
    if (!this.isActive) return
    if (this.inFlight) {
      this.refreshRequested = true
      return
    }
    this.planAt(this.earliestAllowed())
  }

  /**
   * A poll soon, to confirm what a realtime signal said: no sooner than the budget's
   * spread allows, so signals cannot spend the window and leave the safety net without
   * a request at the moment the stream drops (that refresh goes out at once).
   */
  reconcile(): void {
    if (!this.isActive) return
    if (this.inFlight) {
      this.reconcileRequested = true
      return
    }
    const at = this.spreadAllowed()
    if (this.plannedAt === null || at < this.plannedAt) this.planAt(at)
  }

  setFloorInterval(ms: number): void {
    this.floorIntervalMs = ms
  }

  /**
   * Polls that only reconcile what a healthy stream delivers are a luxury: within a
   * shared budget they take a smaller part, leaving more to desks that poll to ring.
   */
  setLuxury(luxury: boolean): void {
    const fraction = luxury ? LUXURY_SHARE : PRIMARY_SHARE
    // The pace kept for one part of the budget, scaled to the other at once: a desk whose
    // stream just failed must not creep up from a reconcile pace one answer at a time.
    const scale = this.shareFraction / fraction
    if (this.fairSpacingMs !== null) this.fairSpacingMs *= scale
    this.lastFairSpacingMs *= scale
    this.shareFraction = fraction
  }

  /** Whether others behind the same IP draw on this route's budget too. */
  get budgetIsShared(): boolean {
    return this.share.isShared
  }

  /** The longest a poll may be away while the budget is shared: how late a call may be seen. */
  get sharedSpacingMs(): number | null {
    return this.fairSpacingMs === null ? null : Math.max(this.floorIntervalMs, this.fairSpacingMs)
  }

  private async run(): Promise<void> {
    this.timer = null
    this.plannedAt = null
    if (!this.isActive || this.inFlight) return
    this.inFlight = true
    this.lastStartedAt = this.clock.monotonic()
    let outcome: PollOutcome
    try {
      outcome = await this.poll()
    } catch {
      outcome = { kind: 'failure', budget: null }
    } finally {
      this.inFlight = false
    }
    if (outcome.kind === 'stop') {
      this.stop()
      return
    }
    if (!this.isActive) {
      this.onPlanned(null)
      return
    }
    const next = this.nextPollAt(outcome)
    if (this.refreshRequested) this.planAt(Math.min(next, this.earliestAllowed()))
    else if (this.reconcileRequested) this.planAt(Math.min(next, this.spreadAllowed()))
    else this.planAt(next)
    this.refreshRequested = false
    this.reconcileRequested = false
  }

  private nextPollAt(outcome: Exclude<PollOutcome, { kind: 'stop' }>): number {
    const now = this.clock.monotonic()
    switch (outcome.kind) {
      case 'success':
        this.failures = 0
        this.learn(outcome.budget, now)
        this.budget = this.steadyBudget(outcome.budget)
        return now + Math.max(this.floorIntervalMs, this.budgetSpacing(now), this.fairWait())
      case 'rate-limited': {
        this.failures = 0
        this.learn(outcome.budget ?? null, now)
        if (this.fairSpacingMs !== null) {
          this.fairSpacingMs = this.share.afterRejection(this.fairSpacingMs)
        }
        const resetAt = steadyAt(this.clock, outcome.resetAt)
        this.budget = { limit: this.budget?.limit ?? 0, remaining: 0, resetAt }
        // A reset already in the past (a skewed or stale header) must not turn into a tight loop.
        return Math.max(
          this.windowOpensAt(resetAt),
          now + Math.max(this.floorIntervalMs, this.fairWait()),
        )
      }
      case 'failure':
        this.failures += 1
        this.learn(outcome.budget, now)
        // A request that failed may still have been counted by the server.
        this.budget = this.steadyBudget(outcome.budget) ?? spendOne(this.budget)
        return now + Math.max(this.backoffDelay(), this.budgetSpacing(now), this.fairWait())
      case 'unsupported':
        return now + UNSUPPORTED_RETRY_MS
    }
  }

  /** What an answer's budget says about the others behind our IP, and our spacing from it. */
  private learn(budget: RateBudget | null, now: number): void {
    const steady = this.steadyBudget(budget)
    if (!steady) return
    this.share.observe(steady, now)
    const current = Math.max(this.floorIntervalMs, this.fairSpacingMs ?? this.resumedSpacing(now))
    this.fairSpacingMs = this.share.fairSpacing(current, this.shareFraction, now)
    if (this.fairSpacingMs !== null) {
      this.lastFairSpacingMs = this.fairSpacingMs
      this.lastSharedAt = now
      this.draw = this.random()
    }
  }

  /**
   * Back in a shared budget after a short spell alone (one idle counter taken for an
   * empty office), start from the pace we kept there: from the floor a desk would take
   * a crowd's share until it slowed again. After a long one, that crowd is history.
   */
  private resumedSpacing(now: number): number {
    const longAgo = now - this.lastSharedAt > RESUME_WITHIN_SPACINGS * this.lastFairSpacingMs
    return longAgo ? 0 : this.lastFairSpacingMs
  }

  /** Our fair spacing, jittered by ±20 %, while the budget is shared; else nothing. */
  private fairWait(): number {
    return this.fairSpacingMs === null ? 0 : this.fairSpacingMs * (0.8 + 0.4 * this.draw)
  }

  /**
   * When a spent window may be tried again. Shared, each desk takes its own place in
   * the new window rather than all of them at its first instant.
   */
  private windowOpensAt(resetAt: number): number {
    const opensAt = resetAt + RESET_MARGIN_MS
    if (this.fairSpacingMs === null) return opensAt
    return opensAt + this.draw * Math.min(this.fairSpacingMs, this.share.windowMs)
  }

  /** Spread what is left of the window evenly until it resets. */
  private budgetSpacing(now: number): number {
    if (!this.budget || now >= this.budget.resetAt + RESET_MARGIN_MS) return 0
    const untilReset = this.budget.resetAt + RESET_MARGIN_MS - now
    return this.budget.remaining > 0 ? untilReset / this.budget.remaining : untilReset
  }

  /** Exponential backoff with jitter, so a fleet does not return in lockstep. */
  private backoffDelay(): number {
    const ceiling = Math.min(this.backoff.capMs, this.backoff.baseMs * 2 ** (this.failures - 1))
    return ceiling / 2 + this.random() * (ceiling / 2)
  }

  private earliestAllowed(): number {
    const now = this.clock.monotonic()
    const afterGap = Math.max(now, this.lastStartedAt + MIN_GAP_MS)
    const exhausted =
      this.budget !== null &&
      this.budget.remaining === 0 &&
      now < this.budget.resetAt + RESET_MARGIN_MS
    return exhausted && this.budget
      ? Math.max(afterGap, this.windowOpensAt(this.budget.resetAt))
      : afterGap
  }

  /** The earliest time that keeps to the budget's even spread and to our fair share. */
  private spreadAllowed(): number {
    const now = this.clock.monotonic()
    return Math.max(
      this.earliestAllowed(),
      now + this.budgetSpacing(now),
      this.lastStartedAt + this.fairWait(),
    )
  }

  private planAt(at: number): void {
    this.cancelTimer()
    const delay = Math.max(0, at - this.clock.monotonic())
    this.timer = this.clock.setTimeout(() => void this.run(), delay)
    this.plannedAt = at
    this.onPlanned(wallAt(this.clock, at))
  }

  /** The server's budget with its reset moved onto the steady clock. */
  private steadyBudget(budget: RateBudget | null): RateBudget | null {
    return budget && { ...budget, resetAt: steadyAt(this.clock, budget.resetAt) }
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.plannedAt = null
  }
}

function spendOne(budget: RateBudget | null): RateBudget | null {
  return budget && { ...budget, remaining: Math.max(0, budget.remaining - 1) }
}
