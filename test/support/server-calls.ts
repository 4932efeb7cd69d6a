// Builds server-side call objects (IMediaCall as JSON) for tests, defaulting to the
// shapes in the shared examples.
import type { ServerMediaCall } from '../../main/core/api-schemas'
import { mediaCallSchema } from '../../main/core/api-schemas'

export const AGENT_ID = 'iaZWAXecuCuBx4FnX'
export const FUNKE_ID = 'aEGCdnFoBFCFNdiyX'

export interface RawCallOptions {
  id?: string
  state?: string
  from?: Record<string, unknown>
  to?: Record<string, unknown>
  createdAt?: number
  acceptedAt?: number
  activatedAt?: number
  expiresAt?: number
  features?: string[]
  ended?: boolean | string
}

export const funke = {
  type: 'user',
  id: FUNKE_ID,
  contractId: 'c-funke',
  displayName: 'Funke Olasupo',
  username: 'funke.olasupo',
}
export const agent = { type: 'user', id: AGENT_ID, displayName: 'Agent1', username: 'agent1' }

export function rawCall(options: RawCallOptions = {}): Record<string, unknown> {
  const createdAt = options.createdAt ?? Date.parse('2026-04-30T13:30:53.165Z')
  return {
    _id: options.id ?? 'call-1',
    service: 'webrtc',
    kind: 'direct',
    state: options.state ?? 'ringing',
    caller: options.from ?? funke,
    callee: options.to ?? agent,
    uids: [FUNKE_ID, AGENT_ID],
    ended: options.ended ?? false,
    features: options.features ?? ['audio'],
    createdAt: new Date(createdAt).toISOString(),
    ...(options.acceptedAt ? { acceptedAt: new Date(options.acceptedAt).toISOString() } : {}),
    ...(options.activatedAt ? { activatedAt: new Date(options.activatedAt).toISOString() } : {}),
    expiresAt: new Date(options.expiresAt ?? createdAt + 120_000).toISOString(),
    _updatedAt: new Date(createdAt).toISOString(),
  }
}

export function serverCall(options: RawCallOptions = {}): ServerMediaCall {
  return mediaCallSchema.parse(rawCall(options))
}
