// Whether two views of a call show the same thing, field by field: a few comparisons
// per call instead of serialising every call on every poll and signal.
import type { Call, CallPeer } from '../../common/calls'

export function sameCall(a: Call, b: Call): boolean {
  if (a === b) return true
  return (
    a.id === b.id &&
    a.direction === b.direction &&
    a.state === b.state &&
    a.since === b.since &&
    samePeer(a.peer, b.peer) &&
    sameStrings(a.features, b.features)
  )
}

/** Lists of calls: the same calls in the same order, each unchanged. */
export function sameCalls(a: readonly Call[], b: readonly Call[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (!sameCall(a[i] as Call, b[i] as Call)) return false
  }
  return true
}

function samePeer(a: CallPeer, b: CallPeer): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.displayName === b.displayName &&
      a.username === b.username &&
      a.sipExtension === b.sipExtension &&
      a.kind === b.kind)
  )
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]))
}
