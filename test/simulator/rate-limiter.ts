// Rocket.Chat's REST rate limiter: one counter per client IP per route, a fixed window
// that starts with the first call in it. Its quirks matter to the client: the reset
// header is in epoch milliseconds, and the 429 body spells out the wait in seconds.

export interface RateLimitConfig {
  calls: number
  windowMs: number
}

export interface RateVerdict {
  allowed: boolean
  limit: number
  remaining: number
  /** Epoch ms (server clock) when the window resets. */
  resetAt: number
}

interface Window {
  startedAt: number
  count: number
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(private readonly config: RateLimitConfig) {}

  /** Counts one call for `key` at `now` and says whether it may proceed. */
  hit(key: string, now: number): RateVerdict {
    let window = this.windows.get(key)
    if (!window || now >= window.startedAt + this.config.windowMs) {
      window = { startedAt: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count += 1
    return {
      allowed: window.count <= this.config.calls,
      limit: this.config.calls,
      remaining: Math.max(this.config.calls - window.count, 0),
      resetAt: window.startedAt + this.config.windowMs,
    }
  }

  reset(): void {
    this.windows.clear()
  }
}

export function rateLimitHeaders(verdict: RateVerdict): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(verdict.limit),
    'X-RateLimit-Remaining': String(verdict.remaining),
    'X-RateLimit-Reset': String(verdict.resetAt),
  }
}

/** The exact 429 body of a real server (a Meteor.Error message: reason + [error]). */
export function tooManyRequestsBody(verdict: RateVerdict, now: number) {
  const seconds = Math.ceil((verdict.resetAt - now) / 1000)
  return {
    success: false,
    error: `Error, too many requests. Please slow down. You must wait ${seconds} seconds before trying this endpoint again. [error-too-many-requests]`,
  }
}
