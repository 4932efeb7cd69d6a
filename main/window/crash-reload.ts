// A page whose renderer died is loaded again: at once the first time, then after
// longer and longer pauses while it keeps dying, so a page that crashes on load does
// not spin the CPU. Five quiet minutes and a crash counts as the first again.
import type { Clock, TimerHandle } from '../core/clock'

const RELOAD_DELAYS_MS = [0, 1000, 5000, 30_000, 60_000]
const CRASH_MEMORY_MS = 5 * 60_000

export class CrashReloader {
  private crashes: number[] = []
  private timer: TimerHandle | null = null

  constructor(
    private readonly clock: Clock,
    private readonly reload: () => void,
  ) {}

  /** Plans the reload; returns how long it waits. */
  crashed(): number {
    const now = this.clock.monotonic()
    this.crashes = [...this.crashes.filter((at) => now - at < CRASH_MEMORY_MS), now]
    const delay = RELOAD_DELAYS_MS[Math.min(this.crashes.length, RELOAD_DELAYS_MS.length) - 1] ?? 0
    this.cancel()
    this.timer = this.clock.setTimeout(() => {
      this.timer = null
      this.reload()
    }, delay)
    return delay
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
