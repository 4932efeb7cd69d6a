import { describe, expect, it } from 'vitest'
import {
  agent,
  AGENT_ID,
  funke,
  serverCall,
  type RawCallOptions,
} from '../../test/support/server-calls'
import type { ServerMediaCall } from './api-schemas'
import {
  applySnapshot,
  createTrackerState,
  expireStale,
  markDeclined,
  visibleCalls,
  type TrackerEvent,
  type TrackerState,
} from './call-tracker'

const T0 = Date.parse('2026-04-30T13:30:53.165Z')

function snapshot(
  state: TrackerState,
  calls: ServerMediaCall[],
  options: { offset?: number; unreadable?: string[]; requestedAt?: number } = {},
) {
  return applySnapshot(state, {
    calls,
    unreadableIds: options.unreadable ?? [],
    serverOffsetMs: options.offset ?? 0,
    requestedAt: options.requestedAt ?? 0,
  })
}

function incoming(state: string, extra: RawCallOptions = {}): ServerMediaCall {
  return serverCall({
    state,
    createdAt: T0,
    acceptedAt: T0 + 5000,
    activatedAt: T0 + 6000,
    ...extra,
  })
}

function outgoing(state: string): ServerMediaCall {
  return serverCall({ state, from: { ...agent, contractId: 'c-agent' }, to: funke, createdAt: T0 })
}

/** Feeds snapshots in order; returns every event and the final state. */
function run(steps: ServerMediaCall[][]): { events: TrackerEvent[]; state: TrackerState } {
  let state = createTrackerState(AGENT_ID)
  const events: TrackerEvent[] = []
  for (const calls of steps) {
    const update = snapshot(state, calls)
    state = update.state
    events.push(...update.events)
  }
  return { events, state }
}

const types = (events: TrackerEvent[]) => events.map((event) => event.type)

describe('call tracker', () => {
  it('announces an incoming ringing call once, with the caller', () => {
    const { events } = run([[incoming('ringing')], [incoming('ringing')], [incoming('ringing')]])
    expect(types(events)).toEqual(['incoming-call'])
    const [event] = events
    expect(event).toMatchObject({
      type: 'incoming-call',
      call: {
        id: 'call-1',
        direction: 'incoming',
        state: 'ringing',
        peer: { displayName: 'Funke Olasupo', username: 'funke.olasupo' },
      },
    })
  })

  it('treats the server state none as ringing (no client of ours acknowledged it)', () => {
    const { events, state } = run([[incoming('none')]])
    expect(types(events)).toEqual(['incoming-call'])
    expect(visibleCalls(state)[0]?.state).toBe('ringing')
  })

  it('does not announce again when the call moves from none to ringing', () => {
    expect(types(run([[incoming('none')], [incoming('ringing')]]).events)).toEqual([
      'incoming-call',
    ])
  })

  it('closes the notification when the call is answered, without calling it missed', () => {
    const { events } = run([
      [incoming('ringing')],
      [incoming('accepted')],
      [incoming('active')],
      [],
    ])
    expect(events).toEqual([
      expect.objectContaining({ type: 'incoming-call' }),
      { type: 'notification-closed', callId: 'call-1', reason: 'answered' },
      expect.objectContaining({ type: 'call-ended', rang: true, answered: true, declined: false }),
    ])
  })

  it('closes the notification and reports an unanswered end when a ringing call vanishes', () => {
    const { events } = run([[incoming('ringing')], []])
    expect(events.slice(1)).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'ended' },
      expect.objectContaining({ type: 'call-ended', rang: true, answered: false }),
    ])
  })

  it('treats ended calls and hangup state in a snapshot as gone', () => {
    expect(types(run([[incoming('ringing')], [incoming('hangup')]]).events)).toContain('call-ended')
    expect(
      types(run([[incoming('ringing')], [incoming('ringing', { ended: 'true' })]]).events),
    ).toContain('call-ended')
  })

  it('never announces outgoing calls, nor calls first seen accepted or active', () => {
    expect(
      types(run([[outgoing('none')], [outgoing('ringing')], [outgoing('active')], []]).events),
    ).toEqual(['call-ended'])
    expect(types(run([[incoming('accepted')]]).events)).toEqual([])
    expect(types(run([[incoming('active')]]).events)).toEqual([])
  })

  it('keeps an unknown state hidden and never rings for it', () => {
    const first = run([[incoming('transferring')]])
    expect(first.events).toEqual([])
    expect(visibleCalls(first.state)).toEqual([])
    const later = run([[incoming('ringing')], [incoming('transferring')]])
    expect(later.events[1]).toEqual({
      type: 'notification-closed',
      callId: 'call-1',
      reason: 'no-longer-ringing',
    })
    expect(visibleCalls(later.state)).toEqual([])
    expect(later.state.calls.has('call-1')).toBe(true)
  })

  it('keeps a call the server sent unreadable instead of ending it', () => {
    let update = snapshot(createTrackerState(AGENT_ID), [incoming('ringing')])
    update = snapshot(update.state, [], { unreadable: ['call-1'] })
    expect(update.events).toEqual([])
    expect(visibleCalls(update.state)).toHaveLength(1)
  })

  it('does not announce a call again after it vanished and came back', () => {
    expect(types(run([[incoming('ringing')], [], [incoming('ringing')]]).events)).toEqual([
      'incoming-call',
      'notification-closed',
      'call-ended',
    ])
  })

  it('ignores calls where this user is neither caller nor callee', () => {
    const other = serverCall({ from: funke, to: { type: 'user', id: 'someone-else' } })
    expect(run([[other]]).events).toEqual([])
  })

  it('names SIP callers by display name or extension', () => {
    const sip = incoming('ringing', {
      from: { type: 'sip', id: '2001', contractId: 'c', sipExtension: '2001' },
    })
    const call = run([[sip]]).state.calls.get('call-1')?.call
    expect(call?.peer).toEqual({
      id: '2001',
      displayName: '2001',
      username: null,
      sipExtension: '2001',
      kind: 'sip',
    })
  })

  it('puts ringing incoming calls first', () => {
    const active = serverCall({
      id: 'a',
      state: 'active',
      createdAt: T0 - 60_000,
      activatedAt: T0 - 50_000,
    })
    const ringing = serverCall({ id: 'r', state: 'ringing', createdAt: T0 })
    const out = serverCall({
      id: 'o',
      state: 'ringing',
      from: { ...agent, contractId: 'c' },
      to: funke,
      createdAt: T0 - 1000,
    })
    const { state } = run([[active, out, ringing]])
    expect(visibleCalls(state).map((call) => call.id)).toEqual(['r', 'a', 'o'])
  })

  it('dates each state from the server timestamps, corrected by the clock offset', () => {
    let state = createTrackerState(AGENT_ID)
    state = snapshot(state, [incoming('ringing')], { offset: 2000 }).state
    expect(visibleCalls(state)[0]?.since).toBe(T0 - 2000)
    state = snapshot(state, [incoming('accepted')], { offset: 2000 }).state
    expect(visibleCalls(state)[0]?.since).toBe(T0 + 5000 - 2000)
    state = snapshot(state, [incoming('active')], { offset: 2000 }).state
    expect(visibleCalls(state)[0]?.since).toBe(T0 + 6000 - 2000)
  })

  it('marks a call declined here: closes the notification and never calls it missed', () => {
    let update = snapshot(createTrackerState(AGENT_ID), [incoming('ringing')])
    update = markDeclined(update.state, 'call-1')
    expect(update.events).toEqual([
      { type: 'notification-closed', callId: 'call-1', reason: 'declined' },
    ])
    update = snapshot(update.state, [])
    expect(update.events).toEqual([expect.objectContaining({ type: 'call-ended', declined: true })])
  })

  it('expires ringing calls the server must have hung up, but not active ones', () => {
    const ringing = incoming('ringing', { expiresAt: T0 + 120_000 })
    const active = serverCall({ id: 'b', state: 'active', createdAt: T0, expiresAt: T0 + 120_000 })
    const { state } = run([[ringing, active]])
    expect(expireStale(state, T0 + 125_000).events).toEqual([])
    const expired = expireStale(state, T0 + 131_000)
    expect(types(expired.events)).toEqual(['notification-closed', 'call-ended'])
    expect([...expired.state.calls.keys()]).toEqual(['b'])
  })
})

describe('call tracker, every sequence of server states', () => {
  // Every sequence of up to five snapshots of one call, in each state or absent:
  // the notification rules must hold for all of them.
  const states = ['absent', 'none', 'ringing', 'accepted', 'active', 'odd-new-state'] as const
  const sequences: (typeof states)[number][][] = [[]]
  for (let length = 1; length <= 5; length++) {
    for (const prefix of sequences.filter((sequence) => sequence.length === length - 1)) {
      for (const state of states) sequences.push([...prefix, state])
    }
  }

  for (const direction of ['incoming', 'outgoing'] as const) {
    it(`holds for ${sequences.length} sequences of an ${direction} call`, () => {
      for (const sequence of sequences) {
        const steps = [...sequence, 'absent' as const].map((state) =>
          state === 'absent' ? [] : [direction === 'incoming' ? incoming(state) : outgoing(state)],
        )
        const { events } = run(steps)
        const label = sequence.join(' → ')
        const announcements = events.filter((event) => event.type === 'incoming-call').length
        const closes = events.filter((event) => event.type === 'notification-closed').length
        const firstKnown = sequence.find((state) => state !== 'absent' && state !== 'odd-new-state')
        const shouldRing =
          direction === 'incoming' && (firstKnown === 'none' || firstKnown === 'ringing')

        expect(announcements, label).toBe(shouldRing ? 1 : 0)
        // Every notification raised is withdrawn exactly once by the time the call is gone.
        expect(closes, label).toBe(announcements)
        const closeIndex = events.findIndex((event) => event.type === 'notification-closed')
        const ringIndex = events.findIndex((event) => event.type === 'incoming-call')
        if (announcements) expect(closeIndex, label).toBeGreaterThan(ringIndex)
        if (!sequence.includes('absent')) {
          // One stay on the server: a missed-call candidate is exactly a call that rang
          // here and was never seen answered.
          const answeredSeen = sequence.some((state) => state === 'accepted' || state === 'active')
          const unanswered = events.filter(
            (event) => event.type === 'call-ended' && event.rang && !event.answered,
          )
          expect(unanswered.length, label).toBe(shouldRing && !answeredSeen ? 1 : 0)
        }
      }
    })
  }
})
