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

  it('stays shared through one quiet minute, and is alone after several', () => {
    const budget = new SharedBudget()
    for (let window = 0; window < 3; window++) {
      // Seven others in the first 20 s of each window: a busy office.
      answer(budget, window * WINDOW + 20_000, LIMIT - 9, (window + 1) * WINDOW)
    }
    let at = 3 * WINDOW
    // One window in which nobody else asked: so far from what was seen that the desk
    // starts its count afresh, yet only chance in a busy office.
    answer(budget, at + 50_000, LIMIT - 1, at + WINDOW)
    expect(budget.isShared).toBe(true)
    // The office has gone home: window after window with nobody else.
    for (let window = 0; window < 4; window++) {
      at += WINDOW
      answer(budget, at + 1_000, LIMIT - 1, at + WINDOW)
      answer(budget, at + 55_000, LIMIT - 2, at + WINDOW)
    }
    expect(budget.isShared).toBe(false)
    expect(budget.fairSpacing(10_000, PRIMARY, at + 55_000)).toBeNull()
  })

  it('neither speeds up nor parks itself at the longest spacing on too little seen', () => {
    const budget = crowdedDesk()
    let spacing: number | null = 120_000
    for (let round = 1; round <= 4; round++) {
      // Long after the last answer, ours opens a fresh window: nothing counted at all.
      const at = round * 60 * WINDOW
      answer(budget, at, LIMIT - 1, at + WINDOW)
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

  it('slows down after a 429 within a shared budget', () => {
    const budget = crowdedDesk()
    expect(budget.afterRejection(60_000)).toBeGreaterThan(60_000)
    expect(budget.afterRejection(MAX_FAIR_SPACING_MS)).toBe(MAX_FAIR_SPACING_MS)
  })
})
