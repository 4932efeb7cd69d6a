// Realtime signals into the call tracker: the same rules as snapshots (one
// notification per call, closed when answered or gone), applied the moment the
// server pushes them. Snapshots later confirm the call with the server's timestamps.
import type { ServerCallParty } from './api-schemas'
import { toPeer } from './call-normalize'
import {
  endEvents,
  isRingingIncoming,
  remember,
  rememberEnded,
  type TrackedCall,
  type TrackerEvent,
  type TrackerState,
  type TrackerUpdate,
} from './call-tracker'

/** The part of Rocket.Chat's media signals the tracker uses (`@rocket.chat/media-signaling`). */
export type TrackerSignal =
  | {
      type: 'new'
      callId: string
      role: 'caller' | 'callee'
      contact: {
        type: string
        id: string
        displayName?: string
        username?: string
        sipExtension?: string
      }
      features?: string[]
    }
  | { type: 'notification'; callId: string; notification: string; features?: string[] }

/** The server hangs a call up 120 s after its last transition. */
const RING_EXPIRY_MS = 120_000

/**
 * `now` is the wall clock (call times); `receivedAt` the steady clock, to order the
 * signal against snapshots (see TrackerSnapshot.requestedAt).
 */
export function applySignal(
  state: TrackerState,
  signal: TrackerSignal,
  now: number,
  receivedAt = now,
): TrackerUpdate {
  const at = { now, receivedAt }
  if (signal.type === 'new') return applyNewCall(state, signal, at)
  const tracked = state.calls.get(signal.callId)
  if (!tracked) return { state, events: [] }
  switch (signal.notification) {
    case 'accepted':
      return replace(state, answered(tracked, 'connecting', signal.features, at))
    case 'active':
      return replace(state, answered(tracked, 'active', signal.features, at))
    case 'hangup': {
      const calls = new Map(state.calls)
      calls.delete(signal.callId)
      const endedBySignal = rememberEnded(state.endedBySignal, signal.callId, receivedAt)
      return { state: { ...state, calls, endedBySignal }, events: endEvents(tracked) }
    }
    default:
      return { state, events: [] }
  }
}

interface SignalTime {
  now: number
  receivedAt: number
}

function applyNewCall(
  state: TrackerState,
  signal: Extract<TrackerSignal, { type: 'new' }>,
  { now, receivedAt }: SignalTime,
): TrackerUpdate {
  if (state.seen.includes(signal.callId)) return { state, events: [] }
  const incoming = signal.role === 'callee'
  const tracked: TrackedCall = {
    call: {
      id: signal.callId,
      direction: incoming ? 'incoming' : 'outgoing',
      state: 'ringing',
      peer: toPeer(contactAsParty(signal.contact)),
      features: signal.features ?? [],
      since: now,
    },
    serverState: 'ringing',
    visible: true,
    notificationOpen: incoming,
    rang: incoming,
    answered: false,
    declined: false,
    expiresAt: now + RING_EXPIRY_MS,
    signalAt: receivedAt,
  }
  const calls = new Map(state.calls)
  calls.set(signal.callId, tracked)
  const events: TrackerEvent[] = incoming ? [{ type: 'incoming-call', call: tracked.call }] : []
  return { state: { ...state, calls, seen: remember(state.seen, [signal.callId]) }, events }
}

function answered(
  tracked: TrackedCall,
  state: 'connecting' | 'active',
  features: string[] | undefined,
  { now, receivedAt }: SignalTime,
): { tracked: TrackedCall; events: TrackerEvent[] } {
  // Signals can arrive out of order: an `accepted` after `active` must not step back.
  const nextState = tracked.call.state === 'active' ? 'active' : state
  const since = nextState === tracked.call.state ? tracked.call.since : now
  const next: TrackedCall = {
    ...tracked,
    call: { ...tracked.call, state: nextState, since, features: features ?? tracked.call.features },
    serverState: nextState === 'connecting' ? 'accepted' : 'active',
    visible: true,
    answered: true,
    notificationOpen: false,
    signalAt: receivedAt,
  }
  const events: TrackerEvent[] =
    tracked.notificationOpen && !isRingingIncoming(next)
      ? [{ type: 'notification-closed', callId: tracked.call.id, reason: 'answered' }]
      : []
  return { tracked: next, events }
}

function replace(
  state: TrackerState,
  update: { tracked: TrackedCall; events: TrackerEvent[] },
): TrackerUpdate {
  const calls = new Map(state.calls)
  calls.set(update.tracked.call.id, update.tracked)
  return { state: { ...state, calls }, events: update.events }
}

function contactAsParty(
  contact: Extract<TrackerSignal, { type: 'new' }>['contact'],
): ServerCallParty {
  return {
    type: contact.type,
    id: contact.id,
    contractId: undefined,
    displayName: contact.displayName,
    username: contact.username,
    sipExtension: contact.sipExtension,
  }
}
