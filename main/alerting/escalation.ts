// The timer behind escalation: a call that still rings `afterMs` after ringing began
// escalates once; once nothing rings it is reset for the next call. What escalating
// does, and undoing it, is the alerting module's business.
import type { Clock, TimerHandle } from '../core/clock'

export class Escalation {
  private timer: TimerHandle | null = null
  private escalated = false

  constructor(
    private readonly clock: Clock,
    private readonly onEscalate: () => void,
  ) {}

  get active(): boolean {
    return this.escalated
  }

  /** Called whenever what rings may have changed. */
  follow(ringing: boolean, afterMs: number): void {
    if (ringing) {
      if (this.timer !== null || this.escalated) return
      this.timer = this.clock.setTimeout(() => {
        this.timer = null
        this.escalated = true
        this.onEscalate()
      }, afterMs)
      return
    }
    this.escalated = false
    if (this.timer === null) return
    this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
