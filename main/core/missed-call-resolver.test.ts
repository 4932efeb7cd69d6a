import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../test/support/app-fakes'
import { classifyEnding, resolveUnansweredCall } from './missed-call-resolver'
import { RateGate } from './rate-gate'
import { err, ok } from './result'
import type { CallEnding, CallHistory, Reply } from './rocketchat-client'

/** History that fails with a 502 until `upAt`, then says the call was answered on another device. */
function historyDownUntil(clock: ManualClock, upAt: number) {
  let requests = 0
  return {
    requests: () => requests,
    async getCallHistory(): Promise<Reply<CallHistory | null>> {
      requests++
      if (clock.now() < upAt)
        return { result: err({ kind: 'server-error', status: 502 }), budget: null }
      return { result: ok({ state: 'ended', hangupReason: 'normal', endedBy: null }), budget: null }
    },
  }
}

async function resolveWithin(clock: ManualClock, upAfterMs: number, runMs: number) {
  const history = historyDownUntil(clock, clock.now() + upAfterMs)
  let outcome: string | null = null
  void resolveUnansweredCall('call-1', {
    history,
    gate: new RateGate(clock),
    clock,
    me: 'agent',
  }).then((result) => (outcome = result))
  for (let t = 0; t < runMs; t += 500) {
    clock.advance(500)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return { outcome, requests: history.requests() }
}

describe('resolveUnansweredCall', () => {
  it('asks again through a minute-long outage instead of calling an answered call missed', async () => {
    const { outcome, requests } = await resolveWithin(new ManualClock(), 60_000, 3 * 60_000)
    expect(outcome).toBe('answered-elsewhere')
    expect(requests).toBe(6)
  })

  it('falls back to what it saw (missed) when history stays out of reach', async () => {
    const { outcome, requests } = await resolveWithin(new ManualClock(), 60 * 60_000, 3 * 60_000)
    expect(outcome).toBe('missed')
    expect(requests).toBe(7)
  })

  it('goes on to history when the finished call cannot tell, where a first 404 is normal', async () => {
    const clock = new ManualClock()
    const endings: Reply<CallEnding | null>[] = [
      { result: err({ kind: 'rate-limited', resetAt: clock.now() + 30_000 }), budget: null },
      {
        result: ok({ ended: false, hangupReason: null, endedBy: null, answered: false }),
        budget: null,
      },
    ]
    for (const ending of endings) {
      const histories: (CallHistory | null)[] = [
        null,
        { state: 'ended', hangupReason: 'normal', endedBy: null },
      ]
      let historyRequests = 0
      let outcome: string | null = null
      void resolveUnansweredCall('call-1', {
        history: {
          getCallHistory: async () => ({
            result: ok(histories[historyRequests++] ?? null),
            budget: null,
          }),
        },
        gate: new RateGate(clock),
        ending: { source: { getCallEnding: async () => ending }, gate: new RateGate(clock) },
        clock,
        me: 'agent',
      }).then((result) => (outcome = result))
      for (let t = 0; t < 3000; t += 500) {
        clock.advance(500)
        await new Promise((resolve) => setImmediate(resolve))
      }
      expect(outcome).toBe('answered-elsewhere')
      expect(historyRequests).toBe(2)
    }
  })
})

describe('classifyEnding (media-calls.info)', () => {
  const ending = (hangupReason: string, answered = false): CallEnding => ({
    ended: true,
    hangupReason,
    endedBy: 'server',
    answered,
  })

  it.each(['not-answered', 'expired', 'timeout'])('calls %s missed', (reason) => {
    expect(classifyEnding(ending(reason), 'agent')).toBe('missed')
  })

  it('does not call a call an app prevented missed (newer servers)', () => {
    expect(classifyEnding(ending('prevented'), 'agent')).toBe('ended')
  })
})
