import { describe, expect, it } from 'vitest'
import { readRateBudget, waitSecondsFromMessage } from './rate-limit'

const headers = (values: Record<string, string>) => (name: string) => values[name]

describe('rate budget headers', () => {
  it('reads limit, remaining and the reset (epoch ms, server clock) on the local clock', () => {
    const budget = readRateBudget(
      headers({
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '7',
        'x-ratelimit-reset': '1700000042000',
      }),
      5_000,
      1_700_000_000_000,
      0,
    )
    expect(budget).toEqual({ limit: 10, remaining: 7, resetAt: 47_000 })
  })

  it('falls back to the clock offset without a Date header', () => {
    const budget = readRateBudget(
      headers({
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '100000',
      }),
      0,
      null,
      2_000,
    )
    expect(budget?.resetAt).toBe(98_000)
  })

  it('is null when the server sends no budget (rate limiter off, or a bypassing account)', () => {
    expect(readRateBudget(headers({}), 0, null, 0)).toBeNull()
    expect(
      readRateBudget(
        headers({
          'x-ratelimit-limit': 'ten',
          'x-ratelimit-remaining': '1',
          'x-ratelimit-reset': '1',
        }),
        0,
        null,
        0,
      ),
    ).toBeNull()
  })

  it('reads the wait from the 429 message', () => {
    expect(
      waitSecondsFromMessage(
        'Error, too many requests. Please slow down. You must wait 7 seconds before trying this endpoint again. [error-too-many-requests]',
      ),
    ).toBe(7)
    expect(waitSecondsFromMessage('nothing here')).toBeNull()
    expect(waitSecondsFromMessage(undefined)).toBeNull()
  })
})
