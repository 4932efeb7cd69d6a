// How long to wait before the next connection attempt: exponential with jitter, so a fleet of
// agents does not return in lockstep when a server restarts; back to the start only after a
// connection stayed healthy for a while, so a server that accepts and then drops at once is
// not hammered at the base rate.

export interface BackoffSettings {
  baseMs: number
  capMs: number
}

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 1000, capMs: 5 * 60_000 }
/** A connection healthy at least this long counts as recovered. */
export const STABLE_CONNECTION_MS = 60_000

export class ReconnectBackoff {
  private failures = 0

  constructor(
    private readonly settings: BackoffSettings,
    private readonly random: () => number,
  ) {}

  get consecutiveFailures(): number {
    return this.failures
  }

  /** Counts one more failure and returns the wait before the next attempt. */
  nextDelay(): number {
    this.failures += 1
    const growth = this.settings.baseMs * 2 ** Math.min(this.failures - 1, 30)
    const ceiling = Math.min(this.settings.capMs, growth)
    return ceiling / 2 + this.random() * (ceiling / 2)
  }

  /** The network changed under us (wake from sleep): earlier failures say nothing now. */
  reset(): void {
    this.failures = 0
  }

  /** After a drop: a connection that stayed healthy long enough starts the backoff afresh. */
  connectionEnded(healthyForMs: number | null): void {
    if (healthyForMs !== null && healthyForMs >= STABLE_CONNECTION_MS) this.failures = 0
  }
}
