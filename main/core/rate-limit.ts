// Rocket.Chat's per-IP, per-route limiter (10 calls / 60 s by default) reports its
// budget in X-RateLimit-* headers, with the reset in epoch MILLISECONDS of the
// server's clock.

/** Requests wait this long past the server's reset time, to land safely in the new window. */
export const RESET_MARGIN_MS = 500

export interface RateBudget {
  limit: number
  remaining: number
  /** Local time at which the server's window resets. */
  resetAt: number
}

type HeaderValue = string | string[] | number | undefined | null
export type HeaderLookup = (name: string) => HeaderValue

function headerNumber(value: HeaderValue): number | null {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text === null || text === '') return null
  const number = Number(text)
  return Number.isFinite(number) ? number : null
}

/**
 * Converts the server's reset time to the local clock. Measured against the same
 * response's Date header (truncated to the second) it errs late, never early,
 * which is the safe side for not being throttled.
 */
export function readRateBudget(
  header: HeaderLookup,
  receivedAt: number,
  serverDate: number | null,
  offsetMs: number,
): RateBudget | null {
  const limit = headerNumber(header('x-ratelimit-limit'))
  const remaining = headerNumber(header('x-ratelimit-remaining'))
  const reset = headerNumber(header('x-ratelimit-reset'))
  if (limit === null || remaining === null || reset === null) return null
  const resetAt = serverDate === null ? reset - offsetMs : receivedAt + (reset - serverDate)
  return { limit, remaining: Math.max(0, remaining), resetAt }
}

/** "...You must wait 42 seconds before trying this endpoint again..." */
export function waitSecondsFromMessage(message: string | undefined): number | null {
  const match = message?.match(/wait (\d+) seconds?/i)
  return match ? Number(match[1]) : null
}
