import { describe, expect, it } from 'vitest'
import { DEFAULT_TEST_SETTINGS, T0, call } from '../../test/support/app-fakes'
import { isPaused, pauseFrom, ringingOutgoing, ringVolume, shouldRing } from './alert-policy'

describe('pause', () => {
  it('lasts the chosen minutes, or until resumed', () => {
    expect(pauseFrom(15, T0)).toEqual({ until: T0 + 15 * 60_000 })
    expect(pauseFrom(null, T0)).toEqual({ until: null })
  })

  it('is over when its time has come', () => {
    expect(isPaused(null, T0)).toBe(false)
    expect(isPaused({ until: null }, T0)).toBe(true)
    expect(isPaused({ until: T0 + 1 }, T0)).toBe(true)
    expect(isPaused({ until: T0 }, T0)).toBe(false)
  })
})

describe('shouldRing', () => {
  const settings = DEFAULT_TEST_SETTINGS
  it('rings while an incoming call rings', () => {
    expect(shouldRing([call()], settings, T0)).toBe(true)
    expect(shouldRing([], settings, T0)).toBe(false)
    expect(shouldRing([call({ state: 'active' })], settings, T0)).toBe(false)
    expect(shouldRing([call({ direction: 'outgoing' })], settings, T0)).toBe(false)
  })

  it('is silent when muted, at volume zero, or paused', () => {
    expect(shouldRing([call()], { ...settings, ringtone: { enabled: false, volume: 1 } }, T0)).toBe(
      false,
    )
    expect(shouldRing([call()], { ...settings, ringtone: { enabled: true, volume: 0 } }, T0)).toBe(
      false,
    )
    expect(shouldRing([call()], { ...settings, pause: { until: null } }, T0)).toBe(false)
  })

  it('keeps the volume within 0…1', () => {
    expect(ringVolume({ ringtone: { enabled: true, volume: 0.4 } })).toBe(0.4)
    expect(ringVolume({ ringtone: { enabled: true, volume: 7 } })).toBe(1)
    expect(ringVolume({ ringtone: { enabled: true, volume: Number.NaN } })).toBe(1)
  })
})

describe('ringingOutgoing', () => {
  it('announces outgoing calls only when the agent asked for it', () => {
    const outgoing = call({ direction: 'outgoing' })
    expect(ringingOutgoing([outgoing, call()], { notifyOutgoingCalls: false })).toEqual([])
    expect(ringingOutgoing([outgoing, call()], { notifyOutgoingCalls: true })).toEqual([outgoing])
  })
})
