import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { steadyAt, systemClock } from './clock'
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
    gate.update({ limit: 10, remaining: 2, resetAt: START + 30_000 })
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
