// Calls, their lifecycle and the call history they leave behind. This is the part of
// Rocket.Chat's media-call server the client can observe over REST: transitions push
// expiresAt forward; the caller's client gives up on an unanswered call after 60 s
// (`not-answered`); the server's expiry check runs 1 s after expiresAt (CallDirector's
// EXPIRATION_CHECK_TIMEOUT) and hangs up as the server (`expired`). Both act lazily, whenever
// the store is looked at, so a soak with a compressed clock needs no timers. An ended call
// writes one history item per user party, as MediaCallService does, optionally a little later.

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
  ServerActor,
} from './types'
import {
  CallRejectedError,
  EXTERNAL_CALLS,
  INTERNAL_CALLS,
  type PermissionStore,
} from './voice-access'

const DEFAULT_FEATURES = ['audio', 'screen-share', 'transfer', 'hold']
const LIVE_STATES: MediaCallState[] = ['none', 'ringing', 'accepted', 'active']
/** CallDirector checks 1 s after a call's expiresAt (EXPIRATION_CHECK_TIMEOUT − EXPIRATION_TIME). */
const EXPIRY_CHECK_DELAY_MS = 1_000
const SERVER: ServerActor = { type: 'server', id: 'server' }

export interface CallStoreDeps {
  /** Server clock, epoch ms. */
  now: () => number
  users: UserDirectory
  events: EventEmitter
  ringExpiryMs: number
  permissions: PermissionStore
  /** false → the caller's client never gives up. */
  callerGivesUpMs: number | false
  expiryReason: 'expired' | 'timeout'
  historyDelayMs: number
  newerValues: boolean
}

interface PendingHistory {
  visibleAt: number
  item: CallHistoryItem
}

export class CallStore {
  private readonly calls = new Map<string, MediaCall>()
  /** Calls not yet ended, so polls and expiry stay cheap however long a soak runs. */
  private readonly live = new Map<string, MediaCall>()
  private readonly history: PendingHistory[] = []

  constructor(private readonly deps: CallStoreDeps) {}

  place(opts: {
    from: PartyRef
    to: PartyRef
    features?: string[]
    service?: 'webrtc' | 'cti'
  }): MediaCall {
    this.expireStale()
    const service = opts.service ?? 'webrtc'
    if (service !== 'webrtc' && !this.deps.newerValues) {
      throw new CallRejectedError('invalid-call-service')
    }
    this.checkPermissions(opts.from, opts.to)
    const now = new Date(this.deps.now())
    const contractId = randomUUID()
    const caller = withContract(this.contactFor(opts.from), contractId)
    const callee = this.contactFor(opts.to)
    const call: MediaCall = {
      _id: randomUUID(),
      service,
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

  private end(callId: string, opts: { reason?: string; by?: string | ServerActor }): MediaCall {
    return this.transition(callId, LIVE_STATES, 'hangup', (call, now) => {
      const reason = opts.reason ?? 'normal'
      const by =
        opts.by === undefined || typeof opts.by !== 'string'
          ? opts.by
          : this.partyById(call, opts.by)
      call.ended = true
      call.endedAt = now
      call.hangupReason = reason
      if (by) call.endedBy = by
      if (reason === 'transfer') {
        call.transferredBy =
          by && by.type !== 'server' ? by : { type: call.callee.type, id: call.callee.id }
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

  /** The user's history items written by now (the server writes them just after the hangup). */
  historyFor(uid: string): CallHistoryItem[] {
    this.expireStale()
    const now = this.deps.now()
    return this.history
      .filter((h) => h.item.uid === uid && h.visibleAt <= now)
      .map((h) => structuredClone(h.item))
  }

  /** Ends the calls their caller's client gave up on, then those past the server's expiry check. */
  expireStale(): void {
    const now = this.deps.now()
    for (const call of [...this.live.values()]) {
      if (this.callerGaveUp(call, now)) {
        this.end(call._id, { reason: 'not-answered', by: call.caller.id })
      } else if (call.expiresAt.getTime() + EXPIRY_CHECK_DELAY_MS <= now) {
        this.end(call._id, { reason: this.deps.expiryReason, by: SERVER })
      }
    }
  }

  private callerGaveUp(call: MediaCall, now: number): boolean {
    const limit = this.deps.callerGivesUpMs
    if (limit === false || call.caller.type !== 'user') return false
    const unanswered = call.state === 'none' || call.state === 'ringing'
    return unanswered && call.createdAt.getTime() + limit <= now
  }

  /** parseCallContacts: every user party needs the permission for this kind of call. */
  private checkPermissions(from: PartyRef, to: PartyRef): void {
    const permission = from.type === 'user' && to.type === 'user' ? INTERNAL_CALLS : EXTERNAL_CALLS
    for (const ref of [from, to]) {
      if (ref.type !== 'user') continue
      const user = this.deps.users.findById(ref.id)
      if (user && !this.deps.permissions.userHas(user, permission)) {
        throw new CallRejectedError('forbidden')
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
      const visibleAt = now.getTime() + this.deps.historyDelayMs
      const items = historyItemsFor(call, { prevented: this.deps.newerValues })
      this.history.push(...items.map((item) => ({ visibleAt, item })))
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
