import { describe, expect, it } from 'vitest'
import { ClockOffsetEstimator } from './clock-offset'

/** What a server `skew` ms ahead writes in its Date header: truncated to the second. */
const dateHeader = (localTime: number, skew: number) => Math.floor((localTime + skew) / 1000) * 1000

describe('clock offset from Date headers', () => {
  it('is 0 before any header', () => {
    expect(new ClockOffsetEstimator().offsetMs).toBe(0)
  })

  it.each([0, 2_345, -7_777, 3_600_000])(
    'narrows to well under a second of the true skew (%d ms)',
    (skew) => {
      const estimator = new ClockOffsetEstimator()
      // Polls at uneven sub-second phases, as real polls are.
      for (const sentAt of [1_000_000, 1_006_130, 1_012_470, 1_018_910, 1_025_260, 1_031_790]) {
        const receivedAt = sentAt + 40
        estimator.addSample(sentAt, receivedAt, dateHeader(sentAt + 20, skew))
      }
      expect(Math.abs(estimator.offsetMs - skew)).toBeLessThan(250)
    },
  )

  it('follows a clock jump instead of averaging it away', () => {
    const estimator = new ClockOffsetEstimator()
    estimator.addSample(1_000_000, 1_000_050, dateHeader(1_000_020, 0))
    estimator.addSample(1_010_000, 1_010_050, dateHeader(1_010_020, 60_000))
    expect(Math.abs(estimator.offsetMs - 60_000)).toBeLessThan(1000)
  })
})

describe('clock offset stability', () => {
  it('settles after a few headers and then does not move while new ones agree with it', () => {
    const estimator = new ClockOffsetEstimator()
    const settled = new Set<number>()
    for (let i = 0; i < 30; i++) {
      const sentAt = 1_000_000 + i * 6_137
      estimator.addSample(sentAt, sentAt + 30, dateHeader(sentAt + 15, 4_200))
      expect(Math.abs(estimator.offsetMs - 4_200)).toBeLessThanOrEqual(530)
      if (i >= 10) settled.add(estimator.offsetMs)
    }
    expect(settled.size).toBe(1)
  })
})
