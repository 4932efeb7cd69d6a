// Calls, their lifecycle and the call history they leave behind. This is the part of
// Rocket.Chat's media-call server the client can observe over REST: transitions push
// expiresAt forward, stale calls are hung up with reason 'expired' (lazily, whenever
// the store is looked at, so a soak with a compressed clock needs no timers), and an
// ended call writes one history item per user party, as MediaCallService does.

import { randomUUID } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import type { UserDirectory } from './auth'
import { historyItemsFor } from './call-history'
import type {
  CallHistoryItem,
  MediaCall,
  MediaCallContact,
  MediaCallState,
  PartyRef,
} from './types'

const DEFAULT_FEATURES = ['audio', 'screen-share', 'transfer', 'hold']
const LIVE_STATES: MediaCallState[] = ['none', 'ringing', 'accepted', 'active']

export interface CallStoreDeps {
  /** Server clock, epoch ms. */
  now: () => number
  users: UserDirectory
  events: EventEmitter
  ringExpiryMs: number
}

export class CallStore {
  private readonly calls = new Map<string, MediaCall>()
  /** Calls not yet ended, so polls and expiry stay cheap however long a soak runs. */
  private readonly live = new Map<string, MediaCall>()
  private readonly history: CallHistoryItem[] = []

  constructor(private readonly deps: CallStoreDeps) {}

  place(opts: { from: PartyRef; to: PartyRef; features?: string[] }): MediaCall {
    this.expireStale()
    const now = new Date(this.deps.now())
    const contractId = randomUUID()
    const caller = withContract(this.contactFor(opts.from), contractId)
    const callee = this.contactFor(opts.to)
    const call: MediaCall = {
      _id: randomUUID(),
      service: 'webrtc',
      kind: 'direct',
      createdBy: { type: caller.type, id: caller.id, contractId },
      createdAt: now,
      caller,
      callee,
      uids: [caller, callee].filter((p) => p.type === 'user').map((p) => p.id),
      ended: false,
      features: opts.features ?? [...DEFAULT_FEATURES],
      state: 'none',
      expiresAt: new Date(now.getTime() + this.deps.ringExpiryMs),
      _updatedAt: now,
      ...(caller.type === 'user' && { callerRequestedId: `${contractId}-${randomUUID()}` }),
    }
    this.calls.set(call._id, call)
    this.live.set(call._id, call)
    return this.changed(call, null)
  }

  ack(callId: string): MediaCall {
    this.expireStale()
    return this.transition(callId, ['none'], 'ringing', () => {})
  }

  accept(callId: string): MediaCall {
    this.expireStale()
    return this.transition(callId, ['none', 'ringing'], 'accepted', (call, now) => {
      call.callee = withContract(call.callee, randomUUID())
      call.acceptedAt = now
    })
  }

  activate(callId: string): MediaCall {
    this.expireStale()
    return this.transition(callId, ['accepted'], 'active', (call, now) => {
      call.activatedAt = now
    })
  }

  /** reason 'transfer' marks the call transferred (transferredBy = `by`). */
  hangup(callId: string, opts: { reason?: string; by?: string } = {}): MediaCall {
    this.expireStale()
    return this.end(callId, opts)
  }

  private end(callId: string, opts: { reason?: string; by?: string }): MediaCall {
    return this.transition(callId, LIVE_STATES, 'hangup', (call, now) => {
      const reason = opts.reason ?? 'normal'
      const by = opts.by === undefined ? undefined : this.partyById(call, opts.by)
      call.ended = true
      call.endedAt = now
      call.hangupReason = reason
      if (by) call.endedBy = by
      if (reason === 'transfer') {
        call.transferredBy = by ?? { type: call.callee.type, id: call.callee.id }
        call.transferredAt = now
      }
    })
  }

  get(callId: string): MediaCall | undefined {
    this.expireStale()
    const call = this.calls.get(callId)
    return call && structuredClone(call)
  }

  list(): MediaCall[] {
    this.expireStale()
    return [...this.calls.values()].map((c) => structuredClone(c))
  }

  /** What media-calls.state returns: the user's calls that are neither ended nor expired. */
  activeFor(uid: string): MediaCall[] {
    this.expireStale()
    return [...this.live.values()]
      .filter((c) => c.uids.includes(uid))
      .map((c) => structuredClone(c))
  }

  historyFor(uid: string): CallHistoryItem[] {
    this.expireStale()
    return this.history.filter((h) => h.uid === uid).map((h) => structuredClone(h))
  }

  /** Hangs up, with reason 'expired', every live call whose expiresAt has passed. */
  expireStale(): void {
    const now = this.deps.now()
    for (const call of [...this.live.values()]) {
      if (call.expiresAt.getTime() <= now) {
        this.end(call._id, { reason: 'expired' })
      }
    }
  }

  private transition(
    callId: string,
    from: MediaCallState[],
    to: MediaCallState,
    mutate: (call: MediaCall, now: Date) => void,
  ): MediaCall {
    const call = this.calls.get(callId)
    if (!call) throw new Error(`simulator: no call ${callId}`)
    if (!from.includes(call.state)) {
      throw new Error(`simulator: call ${callId} is '${call.state}', it cannot become '${to}'`)
    }
    const previous = call.state
    const now = new Date(this.deps.now())
    call.state = to
    mutate(call, now)
    call._updatedAt = now
    call.expiresAt = new Date(now.getTime() + this.deps.ringExpiryMs)
    if (call.ended) {
      this.live.delete(call._id)
      this.history.push(...historyItemsFor(call))
    }
    return this.changed(call, previous)
  }

  private changed(call: MediaCall, previous: MediaCallState | null): MediaCall {
    this.deps.events.emit('call-changed', structuredClone(call), previous)
    return structuredClone(call)
  }

  private contactFor(ref: PartyRef): MediaCallContact {
    if (ref.type === 'sip') {
      return {
        type: 'sip',
        id: ref.extension,
        sipExtension: ref.extension,
        ...(ref.displayName !== undefined && { displayName: ref.displayName }),
      }
    }
    const user = this.deps.users.findById(ref.id)
    if (!user) throw new Error(`simulator: no user ${ref.id}`)
    return { type: 'user', id: user.id, displayName: user.name, username: user.username }
  }

  private partyById(call: MediaCall, id: string): MediaCallContact {
    const party = [call.caller, call.callee].find((p) => p.id === id)
    if (!party) return { type: 'user', id }
    return {
      type: party.type,
      id: party.id,
      ...(party.contractId && { contractId: party.contractId }),
    }
  }
}

/** Sets the contractId where the real payloads have it: right after type and id. */
function withContract(contact: MediaCallContact, contractId: string) {
  const { type, id, ...rest } = contact
  return { type, id, contractId, ...rest }
}
