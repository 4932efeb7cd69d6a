import { describe, expect, it } from 'vitest'
import { AGENT_ID, agent, funke, serverCall } from '../../test/support/server-calls'
import type { ServerMediaCall } from './api-schemas'
import {
  applySnapshot,
  createTrackerState,
  visibleCalls,
  type TrackerEvent,
  type TrackerState,
} from './call-tracker'
import { applySignal, type TrackerSignal } from './tracker-signals'

const T0 = Date.parse('2026-04-30T13:30:53.165Z')
type NewSignal = Extract<TrackerSignal, { type: 'new' }>
type NotificationSignal = Extract<TrackerSignal, { type: 'notification' }>
const newCall = (role: 'caller' | 'callee' = 'callee'): NewSignal => ({
  type: 'new',
  callId: 'call-1',
  role,
  contact:
    role === 'callee'
      ? { type: 'user', id: funke.id, displayName: 'Funke Olasupo', username: 'funke.olasupo' }
      : { type: 'user', id: funke.id, username: 'funke.olasupo' },
})
const note = (notification: string): NotificationSignal => ({
  type: 'notification',
  callId: 'call-1',
  notification,
})
const snap = (state: TrackerState, calls: ServerMediaCall[], requestedAt: number) =>
  applySnapshot(state, { calls, unreadableIds: [], serverOffsetMs: 0, requestedAt })
const types = (events: TrackerEvent[]) => events.map((event) => event.type)

describe('realtime signals in the tracker', () => {
  it('rings at once from a new signal, and the poll that follows does not ring again', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0 + 100)
    expect(update.events).toEqual([
      {
        type: 'incoming-call',
        call: expect.objectContaining({
          id: 'call-1',
          direction: 'incoming',
          state: 'ringing',
          peer: expect.objectContaining({ displayName: 'Funke Olasupo' }),
        }),
      },
    ])
    update = snap(update.state, [serverCall({ state: 'none', createdAt: T0 })], T0 + 200)
    expect(update.events).toEqual([])
    // The server's own timestamp replaces the signal's arrival time.
    expect(visibleCalls(update.state)[0]?.since).toBe(T0)
  })

  it('does not end a call on a snapshot asked for before its new signal arrived', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0 + 100)
    update = snap(update.state, [], T0 + 50)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)).toHaveLength(1)
    update = snap(update.state, [], T0 + 150)
    expect(types(update.events)).toEqual(['notification-closed', 'call-ended'])
  })

  it('withdraws the notification on accepted, and never reports the call unanswered', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    update = applySignal(update.state, note('accepted'), T0 + 1000)
    expect(update.events).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'answered' },
    ])
    expect(visibleCalls(update.state)[0]).toMatchObject({ state: 'connecting', since: T0 + 1000 })
    update = applySignal(update.state, note('hangup'), T0 + 2000)
    expect(update.events).toEqual([
      expect.objectContaining({ type: 'call-ended', rang: true, answered: true }),
    ])
  })

  it('does not let an out-of-date snapshot bring back a call a hangup signal ended', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    update = applySignal(update.state, note('hangup'), T0 + 1000)
    expect(types(update.events)).toEqual(['notification-closed', 'call-ended'])
    update = snap(update.state, [serverCall({ state: 'ringing', createdAt: T0 })], T0 + 500)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)).toEqual([])
  })

  it('does not let an out-of-date snapshot undo an accepted signal', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    update = applySignal(update.state, note('accepted'), T0 + 1000)
    update = snap(update.state, [serverCall({ state: 'ringing', createdAt: T0 })], T0 + 500)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]?.state).toBe('connecting')
  })

  it('keeps an active call active when accepted arrives late', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    update = applySignal(update.state, note('active'), T0 + 1000)
    update = applySignal(update.state, note('accepted'), T0 + 1100)
    expect(visibleCalls(update.state)[0]).toMatchObject({ state: 'active', since: T0 + 1000 })
  })

  it('lists an outgoing call from a new caller signal without a notification', () => {
    const update = applySignal(createTrackerState(AGENT_ID), newCall('caller'), T0)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]).toMatchObject({
      direction: 'outgoing',
      peer: { displayName: '@funke.olasupo' },
    })
  })

  it('does not ring for a replayed new another device holds, and follows its notifications', () => {
    const replay: TrackerSignal = { ...newCall(), self: { contractId: 'desk-phone' } }
    let update = applySignal(createTrackerState(AGENT_ID), replay, T0)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]).toMatchObject({
      direction: 'incoming',
      state: 'connecting',
    })
    const accepted: TrackerSignal = { ...note('accepted'), signedContractId: 'desk-phone' }
    update = applySignal(update.state, accepted, T0 + 10)
    expect(update.events).toEqual([])
    update = applySignal(update.state, note('active'), T0 + 20)
    expect(visibleCalls(update.state)[0]).toMatchObject({ state: 'active', since: T0 + 20 })
    // The poll that confirms it does not ring either, and the end is not a missed call.
    update = snap(update.state, [serverCall({ state: 'active', createdAt: T0 })], T0 + 30)
    expect(update.events).toEqual([])
    update = applySignal(update.state, note('hangup'), T0 + 40)
    expect(update.events).toEqual([
      expect.objectContaining({ type: 'call-ended', rang: false, answered: true }),
    ])
  })

  it("still lists an outgoing call whose replay names this user's calling device", () => {
    const replay: TrackerSignal = { ...newCall('caller'), self: { contractId: 'browser' } }
    const update = applySignal(createTrackerState(AGENT_ID), replay, T0)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]).toMatchObject({ direction: 'outgoing', state: 'ringing' })
  })

  it('takes the new party and features of an update signal without ringing again', () => {
    let update = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    const transfer: TrackerSignal = {
      type: 'update',
      callId: 'call-1',
      contact: { type: 'user', id: 'u2', displayName: 'Ada Obi' },
      features: ['audio', 'hold'],
    }
    update = applySignal(update.state, transfer, T0 + 500)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]).toMatchObject({
      state: 'ringing',
      peer: { id: 'u2', displayName: 'Ada Obi' },
      features: ['audio', 'hold'],
    })
    const featuresOnly: TrackerSignal = { type: 'update', callId: 'call-1', features: ['audio'] }
    update = applySignal(update.state, featuresOnly, T0 + 600)
    expect(visibleCalls(update.state)[0]).toMatchObject({
      peer: { id: 'u2' },
      features: ['audio'],
    })
  })

  it.each(['trying', 'escalated'])('leaves a ringing call ringing on %s', (notification) => {
    const rung = applySignal(createTrackerState(AGENT_ID), newCall(), T0)
    const update = applySignal(rung.state, note(notification), T0 + 100)
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)[0]?.state).toBe('ringing')
  })

  it('ignores signals for calls it does not know, unknown notifications, and a repeated new', () => {
    const empty = createTrackerState(AGENT_ID)
    expect(applySignal(empty, note('accepted'), T0).events).toEqual([])
    const rung = applySignal(empty, newCall(), T0)
    expect(applySignal(rung.state, note('trying'), T0).events).toEqual([])
    expect(applySignal(rung.state, newCall(), T0 + 1).events).toEqual([])
    // Also when the poll saw the call first.
    const polled = snap(
      empty,
      [serverCall({ state: 'ringing', createdAt: T0, from: funke, to: agent })],
      T0,
    )
    expect(applySignal(polled.state, newCall(), T0 + 10).events).toEqual([])
  })
})

describe('signals and snapshots together, in any order', () => {
  // A seeded random walk: the server moves one incoming call through its lifecycle;
  // signals arrive late, out of order or not at all; polls see the true state at the
  // moment they were sent. Whatever happens, the agent hears one ring per call.
  function random(seed: number) {
    let value = seed
    return () => {
      value = (value * 1_103_515_245 + 12_345) % 2 ** 31
      return value / 2 ** 31
    }
  }

  it('never rings twice, never leaves a notification open, never calls an answered call unanswered', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = random(seed)
      const answeredOnServer = rand() < 0.5
      const lifecycle: { at: number; state: string }[] = [{ at: 0, state: 'none' }]
      let at = 0
      if (rand() < 0.8) lifecycle.push({ at: (at += 200 + rand() * 3000), state: 'ringing' })
      if (answeredOnServer) {
        lifecycle.push({ at: (at += 200 + rand() * 3000), state: 'accepted' })
        lifecycle.push({ at: (at += 200 + rand() * 1000), state: 'active' })
      }
      const endAt = at + 200 + rand() * 5000
      const trueState = (time: number) =>
        time >= endAt ? null : [...lifecycle].reverse().find((step) => step.at <= time)?.state

      type Input = {
        at: number
        /** Whether this input tells of the answer (an accepted/active signal or poll). */
        showsAnswer: boolean
        apply: (s: TrackerState) => { state: TrackerState; events: TrackerEvent[] }
      }
      const inputs: Input[] = []
      const signalFor: Record<string, TrackerSignal> = {
        accepted: note('accepted'),
        active: note('active'),
      }
      const deliver = (sentAt: number, signal: TrackerSignal) => {
        if (rand() < 0.2) return // the stream was down
        const arrives = sentAt + rand() * 1500
        const showsAnswer = signal.type === 'notification' && signal.notification !== 'hangup'
        inputs.push({ at: arrives, showsAnswer, apply: (s) => applySignal(s, signal, arrives) })
      }
      deliver(0, newCall())
      for (const step of lifecycle.slice(1)) {
        const signal = signalFor[step.state]
        if (signal) deliver(step.at, signal)
      }
      deliver(endAt, note('hangup'))
      // Polls, never two at once: each answer arrives before the next request.
      let pollAt = rand() * 2000
      while (pollAt < endAt + 8000) {
        const requestedAt = pollAt
        const answeredAt = requestedAt + rand() * 1200
        const state = trueState(requestedAt)
        const calls = state ? [serverCall({ state, createdAt: T0 })] : []
        const showsAnswer = state === 'accepted' || state === 'active'
        inputs.push({ at: answeredAt, showsAnswer, apply: (s) => snap(s, calls, requestedAt) })
        pollAt = answeredAt + 500 + rand() * 3000
      }
      inputs.sort((a, b) => a.at - b.at)

      let tracker = createTrackerState(AGENT_ID)
      const events: TrackerEvent[] = []
      for (const input of inputs) {
        const update = input.apply(tracker)
        tracker = update.state
        events.push(...update.events)
        // Once anything showed the answer, the call can no longer end as unanswered.
        const tracked = tracker.calls.get('call-1')
        if (input.showsAnswer && tracked) expect(tracked.answered, `seed ${seed}`).toBe(true)
      }
      const label = `seed ${seed}`
      const rings = events.filter((event) => event.type === 'incoming-call').length
      const closes = events.filter((event) => event.type === 'notification-closed').length
      const ends = events.filter((event) => event.type === 'call-ended')
      expect(rings, label).toBeLessThanOrEqual(1)
      expect(closes, label).toBe(rings)
      expect(ends.length, label).toBeLessThanOrEqual(1)
      expect(visibleCalls(tracker), label).toEqual([])
    }
  })
})
