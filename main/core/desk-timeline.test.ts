import { describe, expect, it } from 'vitest'
import { missedBecauseText } from '../../common/missed-text'
import { ManualClock, T0 } from '../../test/support/app-fakes'
import { DeskTimeline } from './desk-timeline'

describe('desk timeline', () => {
  it('names what held while a call rang, the telling reason hiding what it implies', () => {
    const clock = new ManualClock()
    const timeline = new DeskTimeline(clock)
    timeline.set('stream-down', true)
    clock.advance(10_000)
    timeline.set('offline', true)
    clock.advance(10_000)
    timeline.set('offline', false)
    clock.advance(10_000)
    timeline.set('asleep', true)
    clock.advance(10_000)
    timeline.set('asleep', false)
    timeline.set('stream-down', false)
    expect(timeline.during(T0 - 5000, T0 - 1000)).toEqual(['not-running'])
    expect(timeline.during(T0 + 1000, T0 + 2000)).toEqual(['stream-down'])
    expect(timeline.during(T0 + 12_000, T0 + 13_000)).toEqual(['offline'])
    expect(timeline.during(T0 + 15_000, T0 + 35_000)).toEqual(['asleep'])
    expect(timeline.during(T0 + 45_000, T0 + 50_000)).toEqual([])
  })

  it('adds what the app says at the moment a call rings', () => {
    const clock = new ManualClock()
    const timeline = new DeskTimeline(clock)
    const desk = { notificationsPaused: () => true, doNotDisturb: () => true }
    expect(timeline.now(desk)).toEqual(['notifications-paused', 'do-not-disturb'])
    expect(timeline.now({ notificationsPaused: () => false, doNotDisturb: () => null })).toEqual([])
  })

  it('does not call the app "not running" for a call ringing after the clock was set back', () => {
    const clock = new ManualClock()
    const timeline = new DeskTimeline(clock)
    timeline.begin()
    clock.advance(60_000)
    timeline.set('offline', true)
    clock.advance(10_000)
    timeline.set('offline', false)
    timeline.set('stream-down', true)
    // The wall clock goes back three hours: before the app started, before that outage.
    clock.time = T0 - 3 * 3_600_000
    const desk = { notificationsPaused: () => false, doNotDisturb: () => null }
    expect(timeline.now(desk)).toEqual(['stream-down'])
  })
})

describe('missed-because text', () => {
  it('reads as one sentence', () => {
    expect(missedBecauseText(['asleep'])).toBe('While it rang, the computer was asleep.')
    expect(missedBecauseText(['not-running', 'notifications-paused', 'do-not-disturb'])).toBe(
      'While it rang, Call Tray was not running, notifications were paused and do not disturb was on.',
    )
    expect(missedBecauseText([])).toBeNull()
  })
})
