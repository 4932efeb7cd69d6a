import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../test/support/app-fakes'
import { CoalescedPush, PUSH_WINDOW_MS } from './coalesced-push'

describe('coalesced push', () => {
  it('pushes the first request at once and a burst after it as one', () => {
    const clock = new ManualClock()
    let pushes = 0
    const push = new CoalescedPush(clock, () => (pushes += 1))
    push.request()
    expect(pushes).toBe(1)
    for (let i = 0; i < 10_000; i++) push.request()
    expect(pushes).toBe(1)
    clock.advance(PUSH_WINDOW_MS)
    expect(pushes).toBe(2)
    clock.advance(PUSH_WINDOW_MS * 10)
    expect(pushes).toBe(2)
    expect(clock.pending).toBe(0)
  })

  it('pushes at once again after a quiet window', () => {
    const clock = new ManualClock()
    let pushes = 0
    const push = new CoalescedPush(clock, () => (pushes += 1))
    push.request()
    clock.advance(PUSH_WINDOW_MS)
    push.request()
    expect(pushes).toBe(2)
  })

  it('pushes a waiting request at once on flush, and only then', () => {
    const clock = new ManualClock()
    let pushes = 0
    const push = new CoalescedPush(clock, () => (pushes += 1))
    push.request()
    push.flush()
    expect(pushes).toBe(1)
    push.request()
    push.flush()
    expect(pushes).toBe(2)
    clock.advance(PUSH_WINDOW_MS)
    expect(pushes).toBe(2)
  })

  it('pushes nothing after it is disposed', () => {
    const clock = new ManualClock()
    let pushes = 0
    const push = new CoalescedPush(clock, () => (pushes += 1))
    push.request()
    push.request()
    push.dispose()
    clock.advance(PUSH_WINDOW_MS)
    expect(pushes).toBe(1)
    expect(clock.pending).toBe(0)
  })
})
