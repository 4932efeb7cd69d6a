import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../test/support/app-fakes'
import { CrashReloader } from './crash-reload'

describe('CrashReloader', () => {
  it('reloads at once after a first crash', () => {
    const clock = new ManualClock()
    let reloads = 0
    const reloader = new CrashReloader(clock, () => (reloads += 1))

    expect(reloader.crashed()).toBe(0)
    clock.advance(0)
    expect(reloads).toBe(1)
  })

  it('waits longer while the page keeps crashing, up to a minute', () => {
    const clock = new ManualClock()
    let reloads = 0
    const reloader = new CrashReloader(clock, () => (reloads += 1))

    const delays = Array.from({ length: 6 }, () => {
      const delay = reloader.crashed()
      clock.advance(delay)
      return delay
    })

    expect(delays).toEqual([0, 1000, 5000, 30_000, 60_000, 60_000])
    expect(reloads).toBe(6)
  })

  it('forgets crashes after five quiet minutes', () => {
    const clock = new ManualClock()
    const reloader = new CrashReloader(clock, () => {})
    reloader.crashed()
    reloader.crashed()
    clock.advance(5 * 60_000)

    expect(reloader.crashed()).toBe(0)
  })

  it('does not reload once cancelled (the window is closing)', () => {
    const clock = new ManualClock()
    let reloads = 0
    const reloader = new CrashReloader(clock, () => (reloads += 1))
    reloader.crashed()
    reloader.crashed()
    reloader.cancel()
    clock.advance(60_000)

    expect(reloads).toBe(0)
  })
})
