// Time is injected everywhere in the engine so tests drive it with fake timers and
// the soak can compress it. Two readings: the wall clock, for what people and the
// server see (call times, retry times), and a steady clock for how long until or
// since, which a changed system clock (NTP, the agent, a VM resumed) cannot stretch.

export type TimerHandle = unknown

export interface Clock {
  /** Wall-clock epoch ms. It can jump. */
  now(): number
  /** Steady ms from an arbitrary origin, for durations; never jumps. */
  monotonic(): number
  setTimeout(callback: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** A wall-clock instant (a server's reset time, say) on the steady clock. */
export function steadyAt(clock: Clock, wallTime: number): number {
  return clock.monotonic() + (wallTime - clock.now())
}

/** A steady-clock instant as wall-clock time, for showing it. */
export function wallAt(clock: Clock, steadyTime: number): number {
  return clock.now() + (steadyTime - clock.monotonic())
}
