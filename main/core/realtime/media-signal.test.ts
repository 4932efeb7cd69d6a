import { describe, expect, it } from 'vitest'
import { readMediaSignal } from './media-signal'

const CALLER = {
  type: 'user',
  id: 'aEGCdnFoBFCFNdiyX',
  contractId: 'c0ffee',
  displayName: 'Funke Olasupo',
  username: 'funke.olasupo',
}

/** What ee/packages/media-calls buildNewCallSignal sends to the callee. */
const NEW_FOR_CALLEE = {
  callId: 'call-1',
  type: 'new',
  service: 'webrtc',
  kind: 'direct',
  role: 'callee',
  self: { type: 'user', id: 'iaZWAXecuCuBx4FnX', displayName: 'Agent1', username: 'agent1' },
  contact: CALLER,
  flags: ['internal'],
}

describe('readMediaSignal', () => {
  it('reads a new call, keeping only what a listener needs', () => {
    expect(readMediaSignal(NEW_FOR_CALLEE)).toEqual({
      kind: 'signal',
      signal: {
        type: 'new',
        callId: 'call-1',
        role: 'callee',
        service: 'webrtc',
        kind: 'direct',
        contact: {
          type: 'user',
          id: 'aEGCdnFoBFCFNdiyX',
          displayName: 'Funke Olasupo',
          username: 'funke.olasupo',
        },
      },
    })
  })

  it('reads the caller side and a SIP contact without optional fields', () => {
    const signal = {
      callId: 'call-2',
      type: 'new',
      role: 'caller',
      contact: { type: 'sip', id: '2001', sipExtension: '2001' },
      requestedCallId: 'x',
    }
    expect(readMediaSignal(signal)).toEqual({
      kind: 'signal',
      signal: {
        type: 'new',
        callId: 'call-2',
        role: 'caller',
        contact: { type: 'sip', id: '2001', sipExtension: '2001' },
      },
    })
  })

  it('drops a wrong optional field instead of the signal', () => {
    const signal = { ...NEW_FOR_CALLEE, service: 7, contact: { ...CALLER, displayName: null } }
    const reading = readMediaSignal(signal)
    expect(reading.kind).toBe('signal')
    if (reading.kind !== 'signal' || reading.signal.type !== 'new') return
    expect(reading.signal).not.toHaveProperty('service')
    expect(reading.signal.contact).not.toHaveProperty('displayName')
  })

  it.each(['accepted', 'active', 'hangup', 'trying', 'escalated', 'some-future-notification'])(
    'reads a %s notification',
    (notification) => {
      const reading = readMediaSignal({ callId: 'call-1', type: 'notification', notification })
      expect(reading).toEqual({
        kind: 'signal',
        signal: { type: 'notification', callId: 'call-1', notification },
      })
    },
  )

  it('keeps the features and the signed contract of an accepted notification', () => {
    const signal = {
      callId: 'call-1',
      type: 'notification',
      notification: 'accepted',
      signedContractId: 'abc',
      features: ['audio', 'hold'],
    }
    expect(readMediaSignal(signal)).toEqual({
      kind: 'signal',
      signal: {
        type: 'notification',
        callId: 'call-1',
        notification: 'accepted',
        signedContractId: 'abc',
        features: ['audio', 'hold'],
      },
    })
  })

  it('reads a replayed new call with the contract of the device that holds it', () => {
    const replay = { ...NEW_FOR_CALLEE, self: { ...NEW_FOR_CALLEE.self, contractId: 'desk-1' } }
    const reading = readMediaSignal(replay)
    expect(reading).toMatchObject({ kind: 'signal', signal: { self: { contractId: 'desk-1' } } })
  })

  it('leaves self out of a new call no device holds yet', () => {
    const reading = readMediaSignal(NEW_FOR_CALLEE)
    expect(reading.kind === 'signal' && reading.signal).not.toHaveProperty('self')
  })

  it('reads a cti call like any other', () => {
    const reading = readMediaSignal({ ...NEW_FOR_CALLEE, service: 'cti' })
    expect(reading).toMatchObject({ kind: 'signal', signal: { type: 'new', service: 'cti' } })
  })

  it("reads newer servers' update signal: the other party and the features", () => {
    const update = { callId: 'call-1', type: 'update', contact: CALLER, features: ['audio'] }
    expect(readMediaSignal(update)).toEqual({
      kind: 'signal',
      signal: {
        type: 'update',
        callId: 'call-1',
        contact: {
          type: 'user',
          id: 'aEGCdnFoBFCFNdiyX',
          displayName: 'Funke Olasupo',
          username: 'funke.olasupo',
        },
        features: ['audio'],
      },
    })
  })

  it('reads an update without a usable contact as features only', () => {
    const update = { callId: 'call-1', type: 'update', contact: { displayName: 'x' } }
    expect(readMediaSignal(update)).toEqual({
      kind: 'signal',
      signal: { type: 'update', callId: 'call-1' },
    })
  })

  it.each(['remote-sdp', 'request-offer', 'rejected-call-request', 'registered', 'toString'])(
    'skips the %s signal quietly',
    (type) => {
      expect(readMediaSignal({ type, callId: 'call-1', toContractId: 'x' })).toEqual({
        kind: 'skipped',
      })
    },
  )

  it.each([
    ['null', null],
    ['a string', 'new'],
    ['an array', [NEW_FOR_CALLEE]],
    ['no type', { callId: 'call-1' }],
    ['a numeric call id', { ...NEW_FOR_CALLEE, callId: 42 }],
    ['an empty call id', { ...NEW_FOR_CALLEE, callId: '' }],
    ['an unknown role', { ...NEW_FOR_CALLEE, role: 'observer' }],
    ['no contact', { ...NEW_FOR_CALLEE, contact: undefined }],
    ['a null contact', { ...NEW_FOR_CALLEE, contact: null }],
    ['a contact without id', { ...NEW_FOR_CALLEE, contact: { type: 'user' } }],
    ['a notification without notification', { type: 'notification', callId: 'c' }],
  ])('reports %s as invalid, never throws', (_label, raw) => {
    expect(readMediaSignal(raw).kind).toBe('invalid')
  })
})
