// One server call (IMediaCall) as the agent sees it: who the other party is, which
// way the call goes, and since when it is in its current state on the local clock.
import type { Call, CallDirection, CallPeer, CallState } from '../../common/calls'
import type { ServerCallParty, ServerCallState, ServerMediaCall } from './api-schemas'
import { cleanDisplayText } from './display-text'

/** Incoming when this user is the callee; outgoing when this user placed it. */
export function callDirection(call: ServerMediaCall, me: string): CallDirection | null {
  if (call.callee.type === 'user' && call.callee.id === me) return 'incoming'
  if (call.caller.type === 'user' && call.caller.id === me) return 'outgoing'
  return null
}

/** The server's `none` is an incoming call ringing while no client of ours has acknowledged it. */
export function displayState(state: ServerCallState): CallState | null {
  switch (state) {
    case 'none':
    case 'ringing':
      return 'ringing'
    case 'accepted':
      return 'connecting'
    case 'active':
      return 'active'
    default:
      return null
  }
}

export function toPeer(party: ServerCallParty): CallPeer {
  const kind = party.type === 'sip' ? 'sip' : 'user'
  const username = cleanDisplayText(party.username)
  const sipExtension =
    cleanDisplayText(party.sipExtension) ?? (kind === 'sip' ? cleanDisplayText(party.id) : null)
  const displayName =
    cleanDisplayText(party.displayName) ??
    (username ? `@${username}` : null) ??
    sipExtension ??
    'Unknown caller'
  return { id: party.id, displayName, username, sipExtension, kind }
}

/** Server time of the start of the call's current state. */
function stateStartedAt(call: ServerMediaCall, state: CallState): number {
  switch (state) {
    case 'ringing':
      return call.createdAt
    case 'connecting':
      return call.acceptedAt ?? call._updatedAt ?? call.createdAt
    case 'active':
      return call.activatedAt ?? call.acceptedAt ?? call._updatedAt ?? call.createdAt
  }
}

/** `serverOffsetMs` is server minus local clock: the one place it is applied. */
export function toLocalTime(serverTime: number, serverOffsetMs: number): number {
  return serverTime - serverOffsetMs
}

export function normalizeCall(
  call: ServerMediaCall,
  direction: CallDirection,
  state: CallState,
  serverOffsetMs: number,
): Call {
  const other = direction === 'incoming' ? call.caller : call.callee
  return {
    id: call._id,
    direction,
    state,
    peer: toPeer(other),
    features: call.features,
    since: toLocalTime(stateStartedAt(call, state), serverOffsetMs),
  }
}
