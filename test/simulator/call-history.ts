// How an ended call becomes call-history items, mirroring Rocket.Chat's MediaCallService
// (saveInternalCallToHistory / saveExternalCallToHistory / getCallHistoryItemState):
// the state is derived from the call alone, so both parties of an internal call get the
// same state, and the duration counts media time only (activatedAt → endedAt).

import { randomBytes } from 'node:crypto'
import type { CallHistoryItem, CallHistoryState, MediaCall, MediaCallContact } from './types'

const ID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz'

/** Like Meteor's Random.id(): 17 characters from an unambiguous alphabet. */
export function newRecordId(): string {
  return [...randomBytes(17)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')
}

/** `prevented` (an app refused the call before it rang) exists only in newer builds. */
export function historyState(
  call: MediaCall,
  opts: { prevented?: boolean } = {},
): CallHistoryState {
  const reason = call.hangupReason ?? ''
  if (call.transferredBy) return 'transferred'
  if (opts.prevented && reason === 'prevented') return 'prevented'
  if (reason === 'not-answered') return 'not-answered'
  if (reason.startsWith('timeout')) return 'failed'
  if (reason.includes('error')) return call.activatedAt ? 'error' : 'failed'
  if (!call.acceptedAt) return 'not-answered'
  if (!call.activatedAt) return 'failed'
  return 'ended'
}

export function historyItemsFor(
  call: MediaCall,
  opts: { prevented?: boolean } = {},
): CallHistoryItem[] {
  const endedAt = call.endedAt ?? call._updatedAt
  const shared = {
    _updatedAt: endedAt,
    ts: call.createdAt,
    callId: call._id,
    state: historyState(call, opts),
    type: 'media-call' as const,
    duration: call.activatedAt
      ? Math.floor((endedAt.getTime() - call.activatedAt.getTime()) / 1000)
      : 0,
    endedAt,
  }
  const item = (
    self: MediaCallContact,
    contact: MediaCallContact,
    direction: CallHistoryItem['direction'],
  ) => ({
    _id: newRecordId(),
    ...shared,
    uid: self.id,
    direction,
    ...contactFields(contact),
  })
  const items: CallHistoryItem[] = []
  if (call.caller.type === 'user') items.push(item(call.caller, call.callee, 'outbound'))
  if (call.callee.type === 'user') items.push(item(call.callee, call.caller, 'inbound'))
  return items
}

function contactFields(contact: MediaCallContact) {
  if (contact.type === 'sip') {
    return { external: true, contactExtension: contact.sipExtension ?? contact.id }
  }
  return {
    external: false,
    contactId: contact.id,
    ...(contact.displayName !== undefined && { contactName: contact.displayName }),
    ...(contact.username !== undefined && { contactUsername: contact.username }),
  }
}

export interface HistoryQuery {
  direction?: string
  states?: string[]
  filter?: string
  sortAscending?: boolean
  offset: number
  count: number
}

/** call-history.list: filter, newest first (ties: latest written first), then page. */
export function queryHistory(items: CallHistoryItem[], q: HistoryQuery) {
  const text = q.filter?.trim().toLowerCase()
  const matches = items.filter(
    (i) =>
      (!q.direction || i.direction === q.direction) &&
      (!q.states?.length || q.states.includes(i.state)) &&
      (!text ||
        [i.contactName, i.contactUsername, i.contactExtension].some((v) =>
          v?.toLowerCase().includes(text),
        )),
  )
  const newestFirst = matches
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.ts.getTime() - a.item.ts.getTime() || b.index - a.index)
    .map((e) => e.item)
  const sorted = q.sortAscending ? newestFirst.reverse() : newestFirst
  const page = sorted.slice(q.offset, q.offset + q.count)
  return { items: page, count: page.length, offset: q.offset, total: matches.length }
}
