// What one desk reads from the shared counter, answer by answer. (Whole fleets against
// a model of the limiter are in poll-scheduler-fleet.test.ts.)
import { describe, expect, it } from 'vitest'
import { MAX_FAIR_SPACING_MS, SharedBudget } from './shared-budget'

const LIMIT = 10
const WINDOW = 60_000
const PRIMARY = 0.8

/** An answer in the window that resets at `resetAt`, with `remaining` left after ours. */
function answer(budget: SharedBudget, at: number, remaining: number, resetAt: number): void {
  budget.observe({ limit: LIMIT, remaining, resetAt }, at)
}

/** A desk that has seen five others' requests in each of three windows: shared, paced. */
function crowdedDesk(): SharedBudget {
  const budget = new SharedBudget()
  for (let window = 0; window < 3; window++) {
    const start = window * WINDOW
    answer(budget, start + 40_000, LIMIT - 7, start + WINDOW)
  }
  return budget
}

describe('a desk reading the shared counter', () => {
  it('does not read a counter that stood at zero as a quiet spell', () => {
    const budget = crowdedDesk()
    const before = budget.othersPerWindow
    // The window ran out while we waited: two answers at zero, far apart, say nothing
    // about how many others asked in between.
    const start = 3 * WINDOW
    answer(budget, start + 5_000, 0, start + WINDOW)
    answer(budget, start + 50_000, 0, start + WINDOW)
    expect(budget.othersPerWindow).toBeGreaterThanOrEqual(before * 0.9)
    expect(budget.isShared).toBe(true)
  })

  it('takes the whole budget again within a window once the others are gone', () => {
    const budget = new SharedBudget()
    for (let window = 0; window < 3; window++) {
      // Another desk polling every few seconds: seven of its requests in our first 20 s.
      answer(budget, window * WINDOW + 20_000, LIMIT - 9, (window + 1) * WINDOW)
    }
    expect(budget.isShared).toBe(true)
    // It has stopped: in the next window nobody but us asks.
    const at = 3 * WINDOW
    answer(budget, at + 5_000, LIMIT - 1, at + 5_000 + WINDOW)
    answer(budget, at + 45_000, LIMIT - 2, at + 5_000 + WINDOW)
    expect(budget.isShared).toBe(false)
    expect(budget.fairSpacing(10_000, PRIMARY, at + 45_000)).toBeNull()
  })

  it('is alone again after most of a window in which nobody else asked', () => {
    const budget = crowdedDesk()
    const start = 3 * WINDOW
    // Someone opened this window and one other asked; then, for 45 s, nobody at all,
    // where the pace remembered would almost surely have shown four or five requests.
    answer(budget, start + 5_000, LIMIT - 3, start + WINDOW)
    expect(budget.isShared).toBe(true)
    answer(budget, start + 50_000, LIMIT - 4, start + WINDOW)
    expect(budget.isShared).toBe(false)
  })

  it('is alone again when the counter is idle right after a window it found full', () => {
    const budget = crowdedDesk()
    // A neighbour's storm: our request meets a full window (a 429 counts only "full").
    const start = 3 * WINDOW
    answer(budget, start + 30_000, 0, start + WINDOW)
    expect(budget.isShared).toBe(true)
    // The storm is over: our next request opens a window of its own.
    answer(budget, start + 90_000, LIMIT - 1, start + 90_000 + WINDOW)
    expect(budget.isShared).toBe(false)
  })

  it('learns that the crowd has gone from requests that each find the counter idle', () => {
    const budget = crowdedDesk()
    // Slowed down for the crowd, the desk asks every ten minutes; the office has gone
    // home, so each of its requests opens a window of its own and sees nobody.
    let at = 3 * WINDOW
    for (let request = 0; request < 3 && budget.isShared; request++) {
      at += 10 * WINDOW
      answer(budget, at, LIMIT - 1, at + WINDOW)
    }
    expect(budget.isShared).toBe(false)
    expect(budget.fairSpacing(600_000, PRIMARY, at)).toBeNull()
  })

  it('neither speeds up nor parks itself at the longest spacing on too little seen', () => {
    const budget = crowdedDesk()
    let spacing: number | null = 120_000
    for (let round = 1; round <= 4; round++) {
      // Long after the last answer, ours comes a second after someone else opened a
      // window: one second seen, nobody in it.
      const at = round * 60 * WINDOW
      answer(budget, at, LIMIT - 2, at - 1_000 + WINDOW)
      spacing = budget.fairSpacing(spacing ?? 0, PRIMARY, at)
      expect(spacing).toBeGreaterThanOrEqual(120_000)
      expect(spacing).toBeLessThan(MAX_FAIR_SPACING_MS)
    }
  })

  it('slows down when the office is over the target and speeds up when under it', () => {
    const over = crowdedDesk()
    // Seven of the others' requests a window plus ours every 20 s: over 8 a window.
    expect(over.fairSpacing(20_000, PRIMARY, 3 * WINDOW)).toBeGreaterThan(20_000)
    const under = new SharedBudget()
    for (let window = 0; window < 3; window++) {
      const start = window * WINDOW
      // Two others a window, and we ask once in ten minutes: well under the target.
      answer(under, start + 50_000, LIMIT - 4, start + WINDOW)
    }
    expect(under.fairSpacing(600_000, PRIMARY, 3 * WINDOW)).toBeLessThan(600_000)
  })

  it('takes a long quiet spell since the window it saw for the crowd gone', () => {
    // The crowd's last window ended at 3 min; our request 40 s later opens the next:
    // nobody asked for 40 s, where five a minute would almost surely have.
    const budget = crowdedDesk()
    expect(budget.isShared).toBe(true)
    answer(budget, 3 * WINDOW + 40_000, LIMIT - 1, 4 * WINDOW + 40_000)
    expect(budget.isShared).toBe(false)
    // A short one says little: the crowd may just not have asked yet.
    const again = crowdedDesk()
    answer(again, 3 * WINDOW + 5000, LIMIT - 1, 4 * WINDOW + 5000)
    expect(again.isShared).toBe(true)
  })

  it('slows down after a 429 within a shared budget', () => {
    const budget = crowdedDesk()
    expect(budget.afterRejection(60_000)).toBeGreaterThan(60_000)
    expect(budget.afterRejection(MAX_FAIR_SPACING_MS)).toBe(MAX_FAIR_SPACING_MS)
  })
})
