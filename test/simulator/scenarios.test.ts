import { afterEach, describe, expect, it } from 'vitest'
import { AGENT1, DEMO_USERS, demoScenario, playScenario, type ScenarioStep } from './scenarios'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, api } from './test-support'
import type { Simulator } from './types'

let sim: Simulator
afterEach(() => sim?.close())

/** Timers a test fires by hand, with a clock that follows them. */
class ManualTimers {
  private pending: { at: number; fn: () => void; id: number }[] = []
  private nextId = 0
  constructor(private readonly clock: FakeClock) {}
  readonly set = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++
    this.pending.push({ at: this.clock.now() + ms, fn, id })
    return id
  }
  readonly clear = (id: unknown): void => {
    this.pending = this.pending.filter((p) => p.id !== id)
  }
  /** Fires every timer due up to `ms` from now, in order, moving the clock along. */
  advance(ms: number): void {
    const until = this.clock.now() + ms
    for (;;) {
      const next = [...this.pending].sort((a, b) => a.at - b.at)[0]
      if (!next || next.at > until) break
      this.clear(next.id)
      this.clock.t = next.at
      next.fn()
    }
    this.clock.t = until
  }
}

const agent1Sees = async () => {
  const calls = (await api(sim, '/api/v1/media-calls.state', { headers: AGENT1_AUTH })).json
    .calls as {
    state: string
    caller: { id: string }
  }[]
  return calls.map((c) => `${c.caller.id}:${c.state}`)
}

describe('demoScenario', () => {
  it('plays a call answered then ended, then a missed SIP call', async () => {
    const clock = new FakeClock()
    const timers = new ManualTimers(clock)
    sim = await createSimulator({ clock, rateLimit: false })
    const start = clock.now()
    const player = playScenario(sim, demoScenario, {
      setTimer: timers.set,
      clearTimer: timers.clear,
    })
    const seen: string[][] = []
    for (const at of [1_500, 5_000, 16_500, 20_000, 36_000, 40_500, 45_000, 59_000]) {
      timers.advance(start + at - clock.now())
      seen.push(await agent1Sees())
    }
    timers.advance(1_000)
    await player.done

    const FUNKE = 'aEGCdnFoBFCFNdiyX'
    expect(seen).toEqual([
      [`${FUNKE}:none`],
      [`${FUNKE}:ringing`],
      [`${FUNKE}:accepted`],
      [`${FUNKE}:active`],
      [],
      ['2001:none'],
      ['2001:ringing'],
      [],
    ])
    const history = await api(sim, '/api/v1/call-history.list', { headers: AGENT1_AUTH })
    expect(history.json.items.map((i: { state: string }) => i.state)).toEqual([
      'not-answered',
      'ended',
    ])
  })

  it('leaves a call the agent declined alone', async () => {
    const clock = new FakeClock()
    const timers = new ManualTimers(clock)
    sim = await createSimulator({ clock })
    const errors: unknown[] = []
    playScenario(sim, demoScenario, {
      setTimer: timers.set,
      clearTimer: timers.clear,
      onError: (e) => errors.push(e),
    })
    timers.advance(3_000)
    const [call] = sim.listCalls()
    await api(sim, '/api/v1/media-calls.answer', {
      headers: AGENT1_AUTH,
      body: { callId: call?._id, contractId: 'tray', answer: 'reject' },
    })
    timers.advance(60_000)
    expect(errors).toEqual([])
    expect(sim.getCall(call?._id ?? '')?.hangupReason).toBe('rejected')
  })
})

describe('playScenario', () => {
  const counting = (log: string[]): ScenarioStep[] => [
    { atMs: 2_000, action: () => log.push('b') },
    { atMs: 1_000, action: () => log.push('a') },
  ]

  it('runs steps in time order and resolves done at the end', async () => {
    const clock = new FakeClock()
    const timers = new ManualTimers(clock)
    sim = await createSimulator({ clock })
    const log: string[] = []
    const player = playScenario(sim, counting(log), {
      setTimer: timers.set,
      clearTimer: timers.clear,
    })
    timers.advance(1_000)
    expect(log).toEqual(['a'])
    timers.advance(1_000)
    await player.done
    expect(log).toEqual(['a', 'b'])
  })

  it('loops with a fresh context until stopped', async () => {
    const clock = new FakeClock()
    const timers = new ManualTimers(clock)
    sim = await createSimulator({ clock })
    const log: string[] = []
    const steps: ScenarioStep[] = [
      {
        atMs: 500,
        action: (_sim, ctx) => {
          log.push(ctx.seen ?? 'fresh')
          ctx.seen = 'reused'
        },
      },
    ]
    const player = playScenario(sim, steps, {
      loop: true,
      setTimer: timers.set,
      clearTimer: timers.clear,
    })
    timers.advance(1_600)
    player.stop()
    timers.advance(10_000)
    await player.done
    expect(log).toEqual(['fresh', 'fresh', 'fresh'])
  })

  it('keeps going after a failing step', async () => {
    const clock = new FakeClock()
    const timers = new ManualTimers(clock)
    sim = await createSimulator({ clock })
    const errors: unknown[] = []
    const log: string[] = []
    const steps: ScenarioStep[] = [
      { atMs: 1, action: (s) => s.ackCall('missing') },
      { atMs: 2, action: () => log.push('after') },
    ]
    playScenario(sim, steps, {
      setTimer: timers.set,
      clearTimer: timers.clear,
      onError: (e) => errors.push(e),
    })
    timers.advance(5)
    expect(errors).toHaveLength(1)
    expect(log).toEqual(['after'])
  })
})

describe('DEMO_USERS', () => {
  it('are the accounts the demo and the CLI advertise', () => {
    expect(DEMO_USERS.map((u) => u.username)).toEqual([
      'agent1',
      'funke.olasupo',
      'agent2fa',
      'supervisor',
    ])
    expect(AGENT1.tokens).toEqual(['demo-agent1-token'])
    expect(DEMO_USERS.find((u) => u.username === 'supervisor')?.bypassRateLimit).toBe(true)
  })
})
