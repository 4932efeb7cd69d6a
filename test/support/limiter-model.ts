// Rocket.Chat's limiter for one route as Meteor's RateLimiter keeps it, reduced to what
// a client can observe: one window for everyone behind the IP, starting at the first
// request after the last one ended, and X-RateLimit-* on every answer.
import type { RateBudget } from '../../main/core/rate-limit'

export class LimiterModel {
  private windowStart = Number.NEGATIVE_INFINITY
  private count = 0
  requests = 0
  rejected = 0

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
  ) {}

  hit(now: number): { allowed: boolean; budget: RateBudget } {
    if (now >= this.windowStart + this.windowMs) {
      this.windowStart = now
      this.count = 0
    }
    this.count += 1
    this.requests += 1
    const allowed = this.count <= this.limit
    if (!allowed) this.rejected += 1
    return {
      allowed,
      budget: {
        limit: this.limit,
        remaining: Math.max(0, this.limit - this.count),
        resetAt: this.windowStart + this.windowMs,
      },
    }
  }
}
