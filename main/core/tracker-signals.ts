// Realtime signals into the call tracker: the same rules as snapshots (one
// notification per call, closed when answered or gone), applied the moment the
// server pushes them. Snapshots later confirm the call with the server's timestamps.
import type { ServerCallParty } from './api-schemas'
import { toPeer } from './call-normalize'
import {
  endEvents,
  isRingingIncoming,
  rememberEnded,
  TRACKED_CALLS_LIMIT,
  type TrackedCall,
  type TrackerEvent,
  type TrackerState,
  type TrackerUpdate,
} from './call-tracker'
import { hasSeen, rememberSeen } from './seen-memory'

interface SignalContact {
  type: string
  id: string
  displayName?: string
  username?: string
  sipExtension?: string
}

/** The part of Rocket.Chat's media signals the tracker uses (`@rocket.chat/media-signaling`). */
export type TrackerSignal =
  | {
      type: 'new'
      callId: string
      role: 'caller' | 'callee'
      contact: SignalContact
      /** Set when another device of this user holds the call (a replay, not a ring). */
      self?: { contractId?: string }
      features?: string[]
    }
  | {
      type: 'notification'
      callId: string
      notification: string
      signedContractId?: string
      features?: string[]
    }
  | { type: 'update'; callId: string; contact?: SignalContact; features?: string[] }

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
  if (signal.type === 'update')
    return replace(state, { tracked: updated(tracked, signal), events: [] })
  switch (signal.notification) {
    // Only a device with media accepts, and this app never does: `signedContractId`
    // names the device that took it, so the call is answered elsewhere, like any accept.
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
    // `trying` (still reaching the callee) and `escalated` (newer servers) change nothing the
    // agent sees; the poll that confirms every signal brings the server's view. Unknown ones alike.
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
  // Beyond the limit a new call stays untracked; the poll each signal asks for counts it.
  if (hasSeen(state.seen, signal.callId) || state.calls.has(signal.callId)) {
    return { state, events: [] }
  }
  if (state.calls.size >= TRACKED_CALLS_LIMIT) return { state, events: [] }
  const incoming = signal.role === 'callee'
  // A replay for a call another device of the agent already took: not ringing here.
  // The caller's own `self` always has a contract, so only the callee side tells.
  const heldElsewhere = incoming && signal.self?.contractId !== undefined
  const ringing = incoming && !heldElsewhere
  const tracked: TrackedCall = {
    call: {
      id: signal.callId,
      direction: incoming ? 'incoming' : 'outgoing',
      state: heldElsewhere ? 'connecting' : 'ringing',
      peer: toPeer(contactAsParty(signal.contact)),
      features: signal.features ?? [],
      since: now,
    },
    serverState: heldElsewhere ? 'accepted' : 'ringing',
    visible: true,
    notificationOpen: ringing,
    rang: ringing,
    answered: heldElsewhere,
    declined: false,
    expiresAt: now + RING_EXPIRY_MS,
    signalAt: receivedAt,
  }
  const calls = new Map(state.calls)
  calls.set(signal.callId, tracked)
  const events: TrackerEvent[] = ringing ? [{ type: 'incoming-call', call: tracked.call }] : []
  return { state: { ...state, calls, seen: rememberSeen(state.seen, [signal.callId]) }, events }
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

/** Who is on the other end and what the call can do changed; its state did not. */
function updated(
  tracked: TrackedCall,
  signal: Extract<TrackerSignal, { type: 'update' }>,
): TrackedCall {
  const peer = signal.contact ? toPeer(contactAsParty(signal.contact)) : tracked.call.peer
  const features = signal.features ?? tracked.call.features
  return { ...tracked, call: { ...tracked.call, peer, features } }
}

function replace(
  state: TrackerState,
  update: { tracked: TrackedCall; events: TrackerEvent[] },
): TrackerUpdate {
  const calls = new Map(state.calls)
  calls.set(update.tracked.call.id, update.tracked)
  return { state: { ...state, calls }, events: update.events }
}

function contactAsParty(contact: SignalContact): ServerCallParty {
  return {
    type: contact.type,
    id: contact.id,
    contractId: undefined,
    displayName: contact.displayName,
    username: contact.username,
    sipExtension: contact.sipExtension,
  }
}
