// The call tracker: a pure function of (previous state, what the server says, now)
// → (new state, events). No timers and no I/O, so "one notification per call" is a
// property the tests can check exhaustively.
import type { Call } from '../../common/calls'
import type { ServerCallState, ServerMediaCall } from './api-schemas'
import { callDirection, displayState, normalizeCall, toLocalTime } from './call-normalize'
import { sameCall } from './call-identity'
import { createSeenMemory, hasSeen, rememberSeen, type SeenMemory } from './seen-memory'

export interface TrackedCall {
  /** The last version of the call that could be shown. */
  call: Call
  serverState: ServerCallState
  /** False while the server reports a state we do not know (kept, never shown as ringing). */
  visible: boolean
  notificationOpen: boolean
  rang: boolean
  answered: boolean
  declined: boolean
  /** Local (wall-clock) time after which the server hangs the call up if nothing happens. */
  expiresAt: number | null
  /** Steady-clock time of the newest realtime signal that shaped this call: older snapshots do not undo it. */
  signalAt: number | null
}

export interface TrackerState {
  readonly me: string
  readonly calls: ReadonlyMap<string, TrackedCall>
  /** Ids of the newest calls tracked so far: a call is announced only the first time it is seen. */
  readonly seen: SeenMemory
  /** Calls a realtime signal ended, and when (steady clock): a snapshot asked for before that is out of date for them. */
  readonly endedBySignal: ReadonlyMap<string, number>
}

export type CloseReason = 'answered' | 'declined' | 'ended' | 'no-longer-ringing'

export type TrackerEvent =
  | { type: 'incoming-call'; call: Call }
  | { type: 'notification-closed'; callId: string; reason: CloseReason }
  | { type: 'call-ended'; call: Call; rang: boolean; answered: boolean; declined: boolean }

export interface TrackerSnapshot {
  calls: readonly ServerMediaCall[]
  /** Calls present on the server that could not be read: kept as they were. */
  unreadableIds: readonly string[]
  serverOffsetMs: number
  /**
   * Steady-clock time the request was sent: signals received after it are newer than
   * this answer. Steady, so a clock set back cannot make every old signal look newer.
   */
  requestedAt: number
}

export interface TrackerUpdate {
  state: TrackerState
  events: TrackerEvent[]
  /** Set by snapshots: calls of this user the snapshot listed beyond TRACKED_CALLS_LIMIT, left untracked. */
  untracked?: number
}

/**
 * No agent has this many calls at once; a server that lists more is broken or hostile, and
 * tracking them all would make every poll and signal cost more (see README, Reliability).
 */
export const TRACKED_CALLS_LIMIT = 200
const SEEN_MEMORY = 1000
const ENDED_MEMORY = 200
/** Past its expiry the server hangs a ringing call up; allow for a late sweep. */
const EXPIRY_GRACE_MS = 10_000

export function createTrackerState(me: string): TrackerState {
  return { me, calls: new Map(), seen: createSeenMemory(SEEN_MEMORY), endedBySignal: new Map() }
}

export function applySnapshot(state: TrackerState, snapshot: TrackerSnapshot): TrackerUpdate {
  const calls = new Map<string, TrackedCall>()
  const events: TrackerEvent[] = []
  const newlySeen: string[] = []
  // Calls tracked already keep their place; new ones fill what is left.
  let room = Math.max(0, TRACKED_CALLS_LIMIT - state.calls.size)
  let untracked = 0

  const isNewer = (at: number | null | undefined) => at != null && at > snapshot.requestedAt
  for (const serverCall of snapshot.calls) {
    if (serverCall.ended || serverCall.state === 'hangup') continue
    // The same id twice in one answer is one call, announced once.
    if (calls.has(serverCall._id)) continue
    if (isNewer(state.endedBySignal.get(serverCall._id))) continue
    const previous = state.calls.get(serverCall._id)
    const next = trackCall(state.me, previous, serverCall, snapshot.serverOffsetMs)
    // An answer older than the newest signal may still move the call forward, never back.
    if (previous && isNewer(previous.signalAt) && !(next && progress(next) > progress(previous))) {
      calls.set(previous.call.id, previous)
      continue
    }
    if (!next) continue
    if (!previous) {
      if (room === 0) {
        untracked++
        continue
      }
      room--
    }
    // A call tracked all along was seen, however many others came and went since.
    if (!previous && !hasSeen(state.seen, next.call.id)) {
      newlySeen.push(next.call.id)
      if (isRingingIncoming(next)) {
        next.rang = true
        next.notificationOpen = true
        events.push({ type: 'incoming-call', call: next.call })
      }
    }
    if (next.notificationOpen && !isRingingIncoming(next)) {
      next.notificationOpen = false
      events.push({
        type: 'notification-closed',
        callId: next.call.id,
        reason: next.visible ? 'answered' : 'no-longer-ringing',
      })
    }
    calls.set(next.call.id, next)
  }

  const kept = new Set(snapshot.unreadableIds)
  for (const [id, previous] of state.calls) {
    if (calls.has(id)) continue
    if (kept.has(id) || isNewer(previous.signalAt)) calls.set(id, previous)
    else events.push(...endEvents(previous))
  }
  return {
    state: { ...state, calls, seen: rememberSeen(state.seen, newlySeen) },
    events: closingFirst(events),
    untracked,
  }
}

/**
 * What closes goes before what opens: calls that stopped ringing in this answer free
 * their places among the notifications shown at once before the new ones take theirs
 * (else a busy line polled alone sends new calls to the summary for calls already gone).
 */
function closingFirst(events: TrackerEvent[]): TrackerEvent[] {
  const opening = events.filter((event) => event.type === 'incoming-call')
  if (opening.length === 0 || opening.length === events.length) return events
  return [...events.filter((event) => event.type !== 'incoming-call'), ...opening]
}

/** Ringing calls the server has certainly hung up by now (for when it cannot be asked). */
export function expireStale(state: TrackerState, now: number): TrackerUpdate {
  const stale = [...state.calls.values()].filter(
    (tracked) =>
      tracked.call.state === 'ringing' &&
      tracked.expiresAt !== null &&
      now > tracked.expiresAt + EXPIRY_GRACE_MS,
  )
  if (stale.length === 0) return { state, events: [] }
  const calls = new Map(state.calls)
  for (const tracked of stale) calls.delete(tracked.call.id)
  return { state: { ...state, calls }, events: stale.flatMap(endEvents) }
}

/** The agent declined the call from this app: withdraw its notification, and never call it missed. */
export function markDeclined(state: TrackerState, callId: string): TrackerUpdate {
  const tracked = state.calls.get(callId)
  if (!tracked) return { state, events: [] }
  const events: TrackerEvent[] = tracked.notificationOpen
    ? [{ type: 'notification-closed', callId, reason: 'declined' }]
    : []
  const calls = new Map(state.calls)
  calls.set(callId, { ...tracked, declined: true, notificationOpen: false })
  return { state: { ...state, calls }, events }
}

/** What the window lists: ringing incoming calls first, then by how long they have been in their state. */
export function visibleCalls(state: TrackerState): Call[] {
  return [...state.calls.values()]
    .filter((tracked) => tracked.visible)
    .map((tracked) => tracked.call)
    .sort(
      (a, b) =>
        ringingIncomingRank(a) - ringingIncomingRank(b) ||
        a.since - b.since ||
        a.id.localeCompare(b.id),
    )
}

function trackCall(
  me: string,
  previous: TrackedCall | undefined,
  serverCall: ServerMediaCall,
  serverOffsetMs: number,
): TrackedCall | null {
  const direction = callDirection(serverCall, me)
  if (!direction) return null
  const state = displayState(serverCall.state)
  const expiresAt =
    serverCall.expiresAt === undefined ? null : toLocalTime(serverCall.expiresAt, serverOffsetMs)
  if (!state) {
    // A state we do not know: a call first seen in it is left alone; a known one is
    // kept but hidden, and is never shown or rung as ringing.
    return previous
      ? { ...previous, serverState: serverCall.state, visible: false, expiresAt }
      : null
  }
  const call = normalizeCall(serverCall, direction, state, serverOffsetMs)
  return {
    // The same object while nothing changed: the engine tells a changed list by identity.
    call: previous && sameCall(previous.call, call) ? previous.call : call,
    serverState: serverCall.state,
    visible: true,
    notificationOpen: previous?.notificationOpen ?? false,
    rang: previous?.rang ?? false,
    answered: (previous?.answered ?? false) || state === 'connecting' || state === 'active',
    declined: previous?.declined ?? false,
    expiresAt,
    signalAt: previous?.signalAt ?? null,
  }
}

const STATE_PROGRESS = { ringing: 0, connecting: 1, active: 2 } as const

function progress(tracked: TrackedCall): number {
  return tracked.visible ? STATE_PROGRESS[tracked.call.state] : -1
}

export function isRingingIncoming(tracked: TrackedCall): boolean {
  return (
    tracked.visible && tracked.call.direction === 'incoming' && tracked.call.state === 'ringing'
  )
}

function ringingIncomingRank(call: Call): number {
  return call.direction === 'incoming' && call.state === 'ringing' ? 0 : 1
}

export function endEvents(tracked: TrackedCall): TrackerEvent[] {
  const events: TrackerEvent[] = []
  if (tracked.notificationOpen) {
    events.push({ type: 'notification-closed', callId: tracked.call.id, reason: 'ended' })
  }
  events.push({
    type: 'call-ended',
    call: tracked.call,
    rang: tracked.rang,
    answered: tracked.answered,
    declined: tracked.declined,
  })
  return events
}

export function rememberEnded(
  ended: ReadonlyMap<string, number>,
  callId: string,
  at: number,
): ReadonlyMap<string, number> {
  const next = new Map(ended)
  next.set(callId, at)
  while (next.size > ENDED_MEMORY) next.delete(next.keys().next().value as string)
  return next
}
