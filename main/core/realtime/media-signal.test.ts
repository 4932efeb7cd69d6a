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

  it.each(['accepted', 'active', 'hangup', 'trying', 'some-future-notification'])(
    'reads a %s notification',
    (notification) => {
      const reading = readMediaSignal({ callId: 'call-1', type: 'notification', notification })
      expect(reading).toEqual({
        kind: 'signal',
        signal: { type: 'notification', callId: 'call-1', notification },
      })
    },
  )

  it('keeps the features of an accepted notification and ignores signedContractId', () => {
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
        features: ['audio', 'hold'],
      },
    })
  })

  it.each(['remote-sdp', 'request-offer', 'rejected-call-request', 'registered', 'update'])(
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
