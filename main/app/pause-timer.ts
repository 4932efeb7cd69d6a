// Ends a timed pause when its time comes. Timers cannot wait longer than ~24.8 days,
// so a longer wait just checks again then.
import type { Clock, TimerHandle } from '../core/clock'
import type { Settings } from '../settings/settings-types'

const MAX_TIMER_MS = 2 ** 31 - 1

export class PauseTimer {
  private timer: TimerHandle | null = null

  constructor(
    private readonly clock: Clock,
    private readonly onEnd: () => void,
  ) {}

  /** Follows the current pause setting: a new `until` replaces the old timer. */
  follow(pause: Settings['pause']): void {
    this.dispose()
    const until = pause?.until
    if (until === undefined || until === null) return
    const delay = until - this.clock.now()
    if (delay <= 0) return this.onEnd()
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null
        this.follow(pause)
      },
      Math.min(delay, MAX_TIMER_MS),
    )
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
