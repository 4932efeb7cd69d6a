import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { systemClock } from './clock'
import { PollScheduler, type PollOutcome } from './poll-scheduler'

const START = Date.parse('2026-11-23T09:00:00Z')

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A poll whose outcomes are scripted; records when each poll started. */
function scriptedPoll(next: (index: number) => PollOutcome | Promise<PollOutcome>) {
  const startedAt: number[] = []
  const poll = async () => {
    startedAt.push(Date.now() - START)
    return next(startedAt.length - 1)
  }
  return { poll, startedAt }
}

const success: PollOutcome = { kind: 'success', budget: null }

describe('poll scheduler', () => {
  it('polls at once, then at the floor interval when the server reports no budget', async () => {
    const { poll, startedAt } = scriptedPoll(() => success)
    new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000 }).start()
    await vi.advanceTimersByTimeAsync(9500)
    expect(startedAt).toEqual([0, 3000, 6000, 9000])
  })

  it('spreads the remaining budget until the reset', async () => {
    const { poll, startedAt } = scriptedPoll(() => ({
      kind: 'success',
      budget: { limit: 10, remaining: 9, resetAt: Date.now() + 60_000 },
    }))
    new PollScheduler({ clock: systemClock, poll }).start()
    await vi.advanceTimersByTimeAsync(7000)
    // 60.5 s (reset plus margin) shared by 9 remaining requests.
    expect(startedAt).toEqual([0, Math.round(60_500 / 9)])
  })

  it('waits for the reset when the budget is spent, and after a 429', async () => {
    const resetAt = START + 20_000
    // A limit of one that this request spent: nobody else is drawing on it.
    const { poll, startedAt } = scriptedPoll((index) =>
      index === 0
        ? { kind: 'success', budget: { limit: 1, remaining: 0, resetAt } }
        : { kind: 'rate-limited', resetAt: START + 45_000 },
    )
    new PollScheduler({ clock: systemClock, poll }).start()
    await vi.advanceTimersByTimeAsync(50_000)
    expect(startedAt).toEqual([0, 20_500, 45_500, 48_500])
  })

  it('does not loop when a 429 names a reset already past', async () => {
    const { poll, startedAt } = scriptedPoll(() => ({
      kind: 'rate-limited',
      resetAt: START - 5000,
    }))
    new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000 }).start()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(startedAt).toEqual([0, 3000, 6000, 9000])
  })

  it('never has two requests in flight, even when asked to refresh', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const { poll, startedAt } = scriptedPoll(async () => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 4000))
      inFlight--
      return success
    })
    const scheduler = new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000 })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(1000)
    scheduler.refresh()
    scheduler.refresh()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(maxInFlight).toBe(1)
    // The refresh asked for during the first request runs right after it (Node timers wait at least 1 ms).
    expect(startedAt.slice(0, 2)).toEqual([0, 4001])
  })

  it('refreshes at once within the budget, but not faster than one request a second', async () => {
    const { poll, startedAt } = scriptedPoll(() => success)
    const scheduler = new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 30_000 })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(200)
    scheduler.refresh()
    await vi.advanceTimersByTimeAsync(5000)
    scheduler.refresh()
    await vi.advanceTimersByTimeAsync(100)
    expect(startedAt).toEqual([0, 1000, 5200])
  })

  it('does not refresh past a spent budget', async () => {
    const resetAt = START + 30_000
    const { poll, startedAt } = scriptedPoll(() => ({
      kind: 'success',
      budget: { limit: 1, remaining: 0, resetAt },
    }))
    const scheduler = new PollScheduler({ clock: systemClock, poll })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(5000)
    scheduler.refresh()
    await vi.advanceTimersByTimeAsync(20_000)
    expect(startedAt).toEqual([0])
    await vi.advanceTimersByTimeAsync(6000)
    expect(startedAt).toEqual([0, 30_500])
  })

  it('backs off with jitter on failures and polls normally after the server answers', async () => {
    const { poll, startedAt } = scriptedPoll((index) =>
      index < 4 ? { kind: 'failure', budget: null } : success,
    )
    // random() = 0 gives the shortest jittered delay: half of 2 s, 4 s, 8 s, 16 s.
    new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000, random: () => 0 }).start()
    await vi.advanceTimersByTimeAsync(40_000)
    expect(startedAt.slice(0, 7)).toEqual([0, 1000, 3000, 7000, 15_000, 18_000, 21_000])
  })

  it('caps the backoff at a minute, jitter included', async () => {
    const { poll, startedAt } = scriptedPoll(() => ({ kind: 'failure', budget: null }))
    new PollScheduler({ clock: systemClock, poll, random: () => 0.999 }).start()
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    const gaps = startedAt.slice(1).map((at, i) => at - (startedAt[i] ?? 0))
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000)
    expect(gaps.slice(-3).every((gap) => gap > 59_000)).toBe(true)
  })

  it('stops for good on a stop outcome (401)', async () => {
    const planned: (number | null)[] = []
    const { poll, startedAt } = scriptedPoll(() => ({ kind: 'stop' }))
    new PollScheduler({ clock: systemClock, poll, onPlanned: (at) => planned.push(at) }).start()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(startedAt).toEqual([0])
    expect(planned.at(-1)).toBeNull()
  })

  it('sends nothing while paused and polls at once on resume', async () => {
    const { poll, startedAt } = scriptedPoll(() => success)
    const scheduler = new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000 })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(100)
    scheduler.pause()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(startedAt).toEqual([0])
    scheduler.resume()
    await vi.advanceTimersByTimeAsync(10)
    expect(startedAt).toEqual([0, 60_100])
  })

  it('checks a server without media calls again only every few minutes', async () => {
    const { poll, startedAt } = scriptedPoll(() => ({ kind: 'unsupported' }))
    new PollScheduler({ clock: systemClock, poll }).start()
    await vi.advanceTimersByTimeAsync(11 * 60_000)
    expect(startedAt).toEqual([0, 300_000, 600_000])
  })
})

describe('poll scheduler against a model of the server rate limiter', () => {
  /** Rocket.Chat's default limiter: 10 calls per 60 s window that starts with the first call. */
  function modelLimiter(limit: number, windowMs: number, skewMs: number) {
    let windowStart = 0
    let count = 0
    let rejected = 0
    const poll = async (): Promise<PollOutcome> => {
      const serverNow = Date.now() + skewMs
      if (count === 0 || serverNow >= windowStart + windowMs) {
        windowStart = serverNow
        count = 0
      }
      count++
      // The client converts the reset to local time from the Date header, truncated to the second.
      const dateHeader = Math.floor(serverNow / 1000) * 1000
      const resetAt = Date.now() + (windowStart + windowMs - dateHeader)
      if (count > limit) {
        rejected++
        return { kind: 'rate-limited', resetAt }
      }
      return { kind: 'success', budget: { limit, remaining: limit - count, resetAt } }
    }
    return { poll, rejected: () => rejected }
  }

  it.each([0, 750, -30_000, 123_456])(
    'never gets a 429 in an hour alone on its IP (server clock skew %d ms)',
    async (skew) => {
      const limiter = modelLimiter(10, 60_000, skew)
      let polls = 0
      const poll = () => {
        polls++
        return limiter.poll()
      }
      new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 3000 }).start()
      await vi.advanceTimersByTimeAsync(60 * 60_000)
      expect(limiter.rejected()).toBe(0)
      // And it does use the budget: close to the 10 requests a minute allowed.
      expect(polls).toBeGreaterThan(8 * 60)
    },
  )
})

describe('poll scheduler reconciling after signals', () => {
  const budgetOf = (remaining: number, resetAt: number): PollOutcome => ({
    kind: 'success',
    budget: { limit: 10, remaining, resetAt },
  })

  it('spreads reconciles within the budget and keeps requests for an urgent refresh', async () => {
    const resetAt = START + 60_000
    let remaining = 10
    const { poll, startedAt } = scriptedPoll(() => budgetOf(--remaining, resetAt))
    const scheduler = new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 45_000 })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(0)
    // A burst of signals, one every 500 ms for 20 s, each asking to reconcile.
    for (let i = 0; i < 40; i++) {
      scheduler.reconcile()
      await vi.advanceTimersByTimeAsync(500)
    }
    const spent = startedAt.length
    expect(spent).toBeLessThanOrEqual(5)
    // The stream drops: the safety net polls at once, the budget still has room.
    scheduler.refresh()
    await vi.advanceTimersByTimeAsync(1000)
    expect(startedAt).toHaveLength(spent + 1)
    expect(startedAt.at(-1)).toBeLessThanOrEqual(21_000)
    expect(remaining).toBeGreaterThan(0)
  })

  it('reconciles at once while the server reports no budget', async () => {
    const { poll, startedAt } = scriptedPoll(() => success)
    const scheduler = new PollScheduler({ clock: systemClock, poll, floorIntervalMs: 45_000 })
    scheduler.start()
    await vi.advanceTimersByTimeAsync(5000)
    scheduler.reconcile()
    await vi.advanceTimersByTimeAsync(0)
    expect(startedAt).toEqual([0, 5000])
  })
})
