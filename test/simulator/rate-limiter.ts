// Rocket.Chat's REST rate limiter, as Meteor's RateLimiter behaves under ApiClass: one rule per
// route and method, each with ONE window shared by every client IP. A rule's window starts at
// its last reset (server start, then the first call after the window ran out) and when it
// resets, every IP's counter of that rule resets together, so a client's first call may find
// only seconds left in a window it never saw begin. Meteor resets only once the interval has
// strictly passed. The reset header is in epoch milliseconds, and the 429 body spells out the
// wait in seconds.

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

interface Rule {
  lastResetAt: number
  counters: Map<string, number>
}

export class RateLimiter {
  private readonly rules = new Map<string, Rule>()

  /** `startedAt`: the server clock when the rules were created (the server's start). */
  constructor(
    private readonly config: RateLimitConfig,
    private startedAt: number,
  ) {}

  /** Counts one call of `ip` on `rule` (route + method) at `now` and says whether it may proceed. */
  hit(rule: string, ip: string, now: number): RateVerdict {
    const state = this.ruleFor(rule)
    if (now - state.lastResetAt > this.config.windowMs) {
      state.lastResetAt = now
      state.counters.clear()
    }
    const count = (state.counters.get(ip) ?? 0) + 1
    state.counters.set(ip, count)
    return {
      allowed: count <= this.config.calls,
      limit: this.config.calls,
      remaining: Math.max(this.config.calls - count, 0),
      resetAt: state.lastResetAt + this.config.windowMs,
    }
  }

  /** A server restart: the rules are created again, their windows starting `now`. */
  reset(now: number): void {
    this.rules.clear()
    this.startedAt = now
  }

  private ruleFor(name: string): Rule {
    let rule = this.rules.get(name)
    if (!rule) {
      rule = { lastResetAt: this.startedAt, counters: new Map() }
      this.rules.set(name, rule)
    }
    return rule
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
