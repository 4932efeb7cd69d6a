import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../test/support/app-fakes'
import { Escalation } from './escalation'

function setup() {
  const clock = new ManualClock()
  const log: string[] = []
  const escalation = new Escalation(clock, () => log.push('escalate'))
  return { clock, log, escalation }
}

describe('Escalation', () => {
  it('escalates once when ringing outlasts the delay, and again only for the next ringing', () => {
    const { clock, log, escalation } = setup()
    escalation.follow(true, 10_000)
    clock.advance(9_999)
    escalation.follow(true, 10_000)
    expect(log).toEqual([])
    clock.advance(1)
    expect(log).toEqual(['escalate'])
    expect(escalation.active).toBe(true)
    clock.advance(60_000)
    escalation.follow(true, 10_000)
    expect(log).toEqual(['escalate'])
    escalation.follow(false, 10_000)
    expect(escalation.active).toBe(false)
    escalation.follow(true, 10_000)
    clock.advance(10_000)
    expect(log).toEqual(['escalate', 'escalate'])
  })

  it('does nothing when the call stops ringing before the delay', () => {
    const { clock, log, escalation } = setup()
    escalation.follow(true, 10_000)
    clock.advance(5_000)
    escalation.follow(false, 10_000)
    clock.advance(60_000)
    expect(log).toEqual([])
    expect(clock.pending).toBe(0)
  })
})
