// Compressed time for the soak and the fleet benchmark: every process of a run (the
// simulator's and the app's) derives "now" from the same wall-clock origin and runs
// `speed` times faster, so a day's traffic fits in minutes while rate-limit windows,
// backoffs, ring expiry and ping timeouts keep their real proportions. Only the app's
// clock can jump (its wall clock changing under it); its timers, like the OS's
// monotonic ones, do not.
import type { Clock, TimerHandle } from '../../main/core/clock'

export interface SoakTimebase {
  /** Wall-clock epoch ms at which virtual time starts. */
  originRealMs: number
  /** Virtual epoch ms at the origin. */
  originVirtualMs: number
  /** Virtual milliseconds per real millisecond. */
  speed: number
}

export function realNowMs(): number {
  return performance.timeOrigin + performance.now()
}

export function virtualNow(timebase: SoakTimebase): number {
  return timebase.originVirtualMs + (realNowMs() - timebase.originRealMs) * timebase.speed
}

export class ScaledClock implements Clock {
  /** How far the app's wall clock has been moved (clock jumps). */
  private jumpMs = 0

  constructor(readonly timebase: SoakTimebase) {}

  now(): number {
    return Math.round(virtualNow(this.timebase) + this.jumpMs)
  }

  monotonic(): number {
    return virtualNow(this.timebase) - this.timebase.originVirtualMs
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    return setTimeout(callback, Math.max(0, ms) / this.timebase.speed)
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>)
  }

  jump(deltaMs: number): void {
    this.jumpMs += deltaMs
  }

  /** Real milliseconds for a span of virtual ones. */
  real(ms: number): number {
    return ms / this.timebase.speed
  }
}
