// Two hundred desks behind one IP re-check voice-call availability: together they must
// keep to each route's shared budget (10 a minute), not ask every 10–15 minutes each.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LimiterModel } from '../../test/support/limiter-model'
import { systemClock } from './clock'
import { err, ok } from './result'
import type { Reply } from './rocketchat-client'
import {
  VoiceAvailabilityWatch,
  type PermissionChanges,
  type VoiceAccessApi,
} from './voice-availability'

const MINUTE = 60_000

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.parse('2026-11-23T09:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

/** The license route behind the shared limiter; the other routes answer plainly. */
function deskApi(limiter: LimiterModel): VoiceAccessApi {
  const plain = <T>(value: T): Reply<T> => ({ result: ok(value), budget: null })
  return {
    async getLicenseModules() {
      const { allowed, budget } = limiter.hit(Date.now())
      return allowed
        ? { result: ok(['teams-voip']), budget }
        : { result: err({ kind: 'rate-limited', resetAt: budget.resetAt }), budget }
    },
    getMyRoles: async () => plain(['user']),
    listPermissions: async (): Promise<Reply<PermissionChanges>> =>
      plain({
        update: [{ id: 'allow-internal-voice-calls', roles: ['user'], updatedAt: null }],
        remove: [],
      }),
    getPublicSetting: async () => plain(undefined),
  }
}

describe('voice-availability checks of a fleet behind one IP', () => {
  it('keep to the route budget together', async () => {
    const limiter = new LimiterModel()
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    for (let desk = 0; desk < 200; desk++) {
      // Desks come in over the first quarter of an hour, as agents start their day.
      systemClock.setTimeout(
        () =>
          new VoiceAvailabilityWatch({ api: deskApi(limiter), clock: systemClock, random }).start(),
        random() * 15 * MINUTE,
      )
    }
    await vi.advanceTimersByTimeAsync(90 * MINUTE)
    const [requests, rejected] = [limiter.requests, limiter.rejected]
    await vi.advanceTimersByTimeAsync(60 * MINUTE)
    expect((limiter.requests - requests) / 60).toBeLessThanOrEqual(10)
    expect((limiter.rejected - rejected) / Math.max(1, limiter.requests - requests)).toBeLessThan(
      0.1,
    )
  })
})
