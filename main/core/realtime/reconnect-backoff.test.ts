import { describe, expect, it } from 'vitest'
import { ReconnectBackoff, STABLE_CONNECTION_MS } from './reconnect-backoff'

const settings = { baseMs: 1000, capMs: 300_000 }

describe('ReconnectBackoff', () => {
  it('doubles from the base up to the cap', () => {
    const top = new ReconnectBackoff(settings, () => 1)
    const delays = Array.from({ length: 12 }, () => top.nextDelay())
    expect(delays.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16_000])
    expect(delays.slice(-3)).toEqual([300_000, 300_000, 300_000])
    expect(top.consecutiveFailures).toBe(12)
  })

  it('jitters within the upper half of each step', () => {
    const bottom = new ReconnectBackoff(settings, () => 0)
    expect([bottom.nextDelay(), bottom.nextDelay(), bottom.nextDelay()]).toEqual([500, 1000, 2000])
    const values = [0.1, 0.9, 0.5]
    const varied = new ReconnectBackoff(settings, () => values.shift() ?? 0)
    expect([varied.nextDelay(), varied.nextDelay(), varied.nextDelay()]).toEqual([550, 1900, 3000])
  })

  it('never overflows after a very long outage', () => {
    const backoff = new ReconnectBackoff(settings, () => 1)
    for (let i = 0; i < 5000; i++) backoff.nextDelay()
    expect(backoff.nextDelay()).toBe(300_000)
  })

  it('starts afresh only after a connection that stayed healthy long enough', () => {
    const backoff = new ReconnectBackoff(settings, () => 1)
    for (let i = 0; i < 6; i++) backoff.nextDelay()
    backoff.connectionEnded(null)
    backoff.connectionEnded(STABLE_CONNECTION_MS - 1)
    expect(backoff.nextDelay()).toBe(64_000)
    backoff.connectionEnded(STABLE_CONNECTION_MS)
    expect(backoff.nextDelay()).toBe(1000)
  })
})
