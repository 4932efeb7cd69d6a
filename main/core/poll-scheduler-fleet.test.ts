// Many desks behind one NAT, each with its own scheduler, against one model of the
// server's per-IP limiter: together they must keep to the shared budget, and a desk
// alone must still use all of it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LimiterModel } from '../../test/support/limiter-model'
import { systemClock } from './clock'
import { PollScheduler, type PollOutcome } from './poll-scheduler'

const START = Date.parse('2026-11-23T09:00:00Z')
const MINUTE = 60_000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

/** A seeded generator, so a failing run is the same run again. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

interface Desk {
  scheduler: PollScheduler
  polls: number[]
}

function startFleet(
  count: number,
  limiter: LimiterModel,
  options: { floorIntervalMs?: number; luxury?: boolean } = {},
): Desk[] {
  const random = seeded(count)
  return Array.from({ length: count }, () => {
    const desk: Desk = { polls: [], scheduler: undefined as unknown as PollScheduler }
    const poll = async (): Promise<PollOutcome> => {
      desk.polls.push(Date.now())
      const { allowed, budget } = limiter.hit(Date.now())
      return allowed
        ? { kind: 'success', budget }
        : { kind: 'rate-limited', resetAt: budget.resetAt, budget }
    }
    desk.scheduler = new PollScheduler({
      clock: systemClock,
      poll,
      random,
      floorIntervalMs: options.floorIntervalMs ?? 3000,
    })
    desk.scheduler.setLuxury(options.luxury ?? false)
    return desk
  })
}

async function measure(desks: Desk[], limiter: LimiterModel, warmUpMs: number, spanMs: number) {
  for (const desk of desks) {
    desk.scheduler.start()
    // Desks are switched on over a few seconds, not in one instant.
    await vi.advanceTimersByTimeAsync(100)
  }
  await vi.advanceTimersByTimeAsync(warmUpMs)
  const from = Date.now()
  const [requests, rejected] = [limiter.requests, limiter.rejected]
  await vi.advanceTimersByTimeAsync(spanMs)
  for (const desk of desks) desk.scheduler.stop()
  const perDesk = desks.map((desk) => desk.polls.filter((at) => at >= from).length)
  return {
    perMinute: ((limiter.requests - requests) * MINUTE) / spanMs,
    rejectedShare: (limiter.rejected - rejected) / Math.max(1, limiter.requests - requests),
    perDesk,
  }
}

describe('desks sharing one rate budget', () => {
  it('keeps twenty desks that poll as their only channel within the budget together', async () => {
    const limiter = new LimiterModel()
    const result = await measure(startFleet(20, limiter), limiter, 30 * MINUTE, 30 * MINUTE)
    expect(result.perMinute).toBeLessThanOrEqual(10.5)
    // Not starving either: most of the budget is used.
    expect(result.perMinute).toBeGreaterThanOrEqual(6)
    expect(result.rejectedShare).toBeLessThanOrEqual(0.1)
    // Every desk gets turns, and none takes a large part of the others' share. (The split
    // is not strictly equal: a desk sees only the others' sum; see shared-budget.ts.)
    const total = result.perDesk.reduce((sum, polls) => sum + polls, 0)
    expect(Math.min(...result.perDesk)).toBeGreaterThanOrEqual(1)
    expect(Math.max(...result.perDesk) / total).toBeLessThanOrEqual(0.25)
  })

  it('keeps two hundred desks within the budget', async () => {
    const limiter = new LimiterModel()
    const result = await measure(startFleet(200, limiter), limiter, 90 * MINUTE, 90 * MINUTE)
    expect(result.perMinute).toBeLessThanOrEqual(11)
    // Two hundred desks asking once in half an hour arrive at random: some windows
    // overflow. The goal is 10 %; this holds today's 10–15 % (README, fleets).
    expect(result.rejectedShare).toBeLessThanOrEqual(0.15)
    expect(Math.min(...result.perDesk)).toBeGreaterThanOrEqual(1)
  })

  it('leaves most of the budget when the stream is healthy and polls only reconcile', async () => {
    const limiter = new LimiterModel()
    const desks = startFleet(20, limiter, { floorIntervalMs: 45_000, luxury: true })
    const result = await measure(desks, limiter, 10 * MINUTE, 20 * MINUTE)
    expect(result.perMinute).toBeLessThanOrEqual(6)
    expect(result.rejectedShare).toBeLessThanOrEqual(0.05)
  })

  it('lets a desk alone on its IP use the whole budget', async () => {
    const limiter = new LimiterModel()
    const result = await measure(startFleet(1, limiter), limiter, 2 * MINUTE, 10 * MINUTE)
    expect(result.perMinute).toBeGreaterThanOrEqual(9)
    expect(result.rejectedShare).toBe(0)
  })
})
