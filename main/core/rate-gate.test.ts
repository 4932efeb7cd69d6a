import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { steadyAt, systemClock } from './clock'
import { LimiterModel } from '../../test/support/limiter-model'
import { RateGate } from './rate-gate'
import { resolveUnansweredCall } from './missed-call-resolver'
import { err, ok } from './result'
import type { CallHistory, Reply } from './rocketchat-client'

const START = Date.parse('2026-11-23T09:00:00Z')
beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('rate gate', () => {
  it('lets requests through while the budget lasts, then holds them until the reset', async () => {
    const gate = new RateGate(systemClock)
    // Alone on the IP: our own request left two of three.
    gate.update({ limit: 3, remaining: 2, resetAt: START + 30_000 })
    expect(await gate.acquire(steadyAt(systemClock, START + 60_000))).toBe(true)
    expect(await gate.acquire(steadyAt(systemClock, START + 60_000))).toBe(true)
    let third = false
    void gate.acquire(steadyAt(systemClock, START + 60_000)).then((passed) => (third = passed))
    await vi.advanceTimersByTimeAsync(30_000)
    expect(third).toBe(false)
    await vi.advanceTimersByTimeAsync(600)
    expect(third).toBe(true)
  })

  it('says no at once when the reset is past the deadline', async () => {
    const gate = new RateGate(systemClock)
    gate.exhaustedUntil(START + 90_000)
    // Deadlines are on the steady clock, resets come as wall-clock times from the server.
    expect(await gate.acquire(steadyAt(systemClock, START + 60_000))).toBe(false)
  })
})

describe('missed-call lookups under the history route limit', () => {
  /** The server's limiter for call-history.info: `limit` per 60 s window. */
  function limitedHistory(limit: number) {
    let windowStart = START
    let used = 0
    let rejected = 0
    const getCallHistory = async (): Promise<Reply<CallHistory | null>> => {
      const now = Date.now()
      if (now >= windowStart + 60_000) {
        windowStart = now
        used = 0
      }
      used++
      const budget = { limit, remaining: Math.max(0, limit - used), resetAt: windowStart + 60_000 }
      if (used > limit) {
        rejected++
        return { result: err({ kind: 'rate-limited', resetAt: budget.resetAt }), budget }
      }
      return {
        result: ok({ state: 'not-answered', hangupReason: 'expired', endedBy: null }),
        budget,
      }
    }
    return { getCallHistory, rejected: () => rejected }
  }

  it('resolves a burst of ended calls without a 429, falling back after the deadline', async () => {
    const history = limitedHistory(5)
    const gate = new RateGate(systemClock)
    const outcomes: string[] = []
    for (let i = 0; i < 12; i++) {
      void resolveUnansweredCall(`call-${i}`, { history, gate, clock: systemClock, me: 'me' }).then(
        (o) => outcomes.push(o),
      )
    }
    await vi.advanceTimersByTimeAsync(3 * 60_000)
    expect(outcomes).toHaveLength(12)
    expect(outcomes.every((outcome) => outcome === 'missed')).toBe(true)
    // The first one gets the budget; the rest wait for it instead of drawing 429s.
    expect(history.rejected()).toBeLessThanOrEqual(1)
  })
})

describe('a desk alone whose lookups overlap', () => {
  it('does not take its own requests in flight for other desks', async () => {
    // Several calls end at once: their lookups are all granted before the first answer,
    // and each answer's count already holds the others'. Read as someone else's, they
    // would make the desk share the budget with itself and hold its lookups back.
    const limiter = new LimiterModel()
    const gate = new RateGate(systemClock)
    const waits: number[] = []
    const lookup = async (answerAfterMs: number) => {
      const asked = Date.now()
      if (!(await gate.acquire(systemClock.monotonic() + 70_000))) return waits.push(Infinity)
      waits.push(Date.now() - asked)
      const { allowed, budget } = limiter.hit(Date.now())
      await new Promise((resolve) => setTimeout(resolve, answerAfterMs))
      gate.update(budget)
      if (!allowed) gate.exhaustedUntil(budget.resetAt)
    }
    // Four calls ending together every two minutes: well within ten a minute.
    for (let burst = 0; burst < 15; burst++) {
      // The answers come back in any order: the last request's first.
      for (let call = 0; call < 4; call++) void lookup(400 - 100 * call)
      await vi.advanceTimersByTimeAsync(2 * 60_000)
    }
    expect(waits).toHaveLength(60)
    expect(limiter.rejected).toBe(0)
    // After the first burst (its first lookup learns the budget), none waits.
    expect(Math.max(...waits.slice(4))).toBeLessThan(1000)
  })
})

describe('rate gates of many desks behind one IP', () => {
  it('keep lookups to the shared budget instead of all meeting at each reset', async () => {
    const limiter = new LimiterModel()
    const desks = Array.from({ length: 50 }, (_, index) => ({
      gate: new RateGate(systemClock, () => ((index * 7919) % 100) / 100),
    }))
    const lookup = async (gate: RateGate) => {
      // A minute to find a slot, as the missed-call resolver allows.
      if (!(await gate.acquire(systemClock.monotonic() + 60_000))) return
      // As the resolver reports an answer: its budget, then a 429 as such.
      const { allowed, budget } = limiter.hit(Date.now())
      gate.update(budget)
      if (!allowed) gate.exhaustedUntil(budget.resetAt)
    }
    // Every desk wants one lookup a minute: five times what the route allows.
    for (let minute = 0; minute < 40; minute++) {
      for (const [index, desk] of desks.entries()) {
        systemClock.setTimeout(() => void lookup(desk.gate), minute * 60_000 + index * 1000)
      }
    }
    // Fifty desks that start in the same second learn of each other within a quarter of
    // an hour (each corrects its pace a little per answer, so that the split evens out).
    await vi.advanceTimersByTimeAsync(20 * 60_000)
    const [requests, rejected] = [limiter.requests, limiter.rejected]
    await vi.advanceTimersByTimeAsync(20 * 60_000)
    const perMinute = (limiter.requests - requests) / 20
    expect(perMinute).toBeLessThanOrEqual(10.5)
    expect((limiter.rejected - rejected) / Math.max(1, limiter.requests - requests)).toBeLessThan(
      0.1,
    )
  })
})
