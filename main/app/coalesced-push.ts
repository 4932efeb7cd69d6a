// Pushes state to the window and tray at most once per short window. A server
// flooding the engine with events would otherwise serialise and send the whole state
// per event. The first push after a quiet spell goes out at once (a ringing call
// shows without delay); pushes asked for during the window become one at its end,
// or go out at once with flush() (before a notification, which may open the window).
import type { Clock, TimerHandle } from '../core/clock'

export const PUSH_WINDOW_MS = 50

export class CoalescedPush {
  private timer: TimerHandle | null = null
  private pending = false

  constructor(
    private readonly clock: Clock,
    private readonly push: () => void,
  ) {}

  request(): void {
    if (this.timer !== null) {
      this.pending = true
      return
    }
    this.push()
    this.timer = this.clock.setTimeout(() => this.windowEnded(), PUSH_WINDOW_MS)
  }

  /** A push asked for in this window goes out now. */
  flush(): void {
    if (!this.pending) return
    this.pending = false
    this.push()
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
    this.pending = false
  }

  private windowEnded(): void {
    this.timer = null
    if (!this.pending) return
    this.pending = false
    this.request()
  }
}
