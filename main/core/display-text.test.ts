import { describe, expect, it } from 'vitest'
import type { Call } from '../../common/calls'
import { callPartySchema } from './api-schemas'
import { toPeer } from './call-normalize'
import { cleanDisplayText } from './display-text'
import { incomingCallText, missedCallText } from './notification-text'

describe('display text from other people', () => {
  it('removes control and bidi-override characters and folds white space', () => {
    expect(cleanDisplayText('  Funke\u202e\u0007  Olasupo\n')).toBe('Funke Olasupo')
  })

  it('keeps markup as plain text (rendering decides, never the engine)', () => {
    expect(cleanDisplayText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>')
  })

  it('keeps emoji and other scripts whole, and caps the length with an ellipsis', () => {
    expect(cleanDisplayText('Zoë 👩‍💻 محمد')).toBe('Zoë 👩‍💻 محمد')
    const long = cleanDisplayText('x'.repeat(500))
    expect(Array.from(long ?? '').length).toBe(64)
    expect(long?.endsWith('…')).toBe(true)
  })

  it('treats empty and blank names as missing', () => {
    expect(cleanDisplayText('   ')).toBeNull()
    expect(cleanDisplayText(undefined)).toBeNull()
  })

  it('names a party by display name, then @username, then extension', () => {
    expect(
      toPeer(callPartySchema.parse({ type: 'user', id: 'u', displayName: ' ', username: 'bob' }))
        .displayName,
    ).toBe('@bob')
    expect(toPeer(callPartySchema.parse({ type: 'sip', id: '2001' })).displayName).toBe('2001')
    expect(toPeer(callPartySchema.parse({ type: 'user', id: 'u' })).displayName).toBe(
      'Unknown caller',
    )
  })
})

describe('notification text', () => {
  const call = (peer: Partial<Call['peer']>): Call => ({
    id: 'c',
    direction: 'incoming',
    state: 'ringing',
    features: [],
    since: 0,
    peer: {
      id: 'u',
      displayName: 'Funke Olasupo',
      username: 'funke.olasupo',
      sipExtension: null,
      kind: 'user',
      ...peer,
    },
  })

  it('names the caller and says where to answer', () => {
    expect(incomingCallText(call({}))).toEqual({
      title: 'Incoming call from Funke Olasupo',
      body: '@funke.olasupo · Answer in Rocket.Chat',
    })
  })

  it('does not repeat the username when it is the name', () => {
    expect(incomingCallText(call({ displayName: '@bob', username: 'bob' })).body).toBe(
      'Answer in Rocket.Chat',
    )
  })

  it('gives the extension of a SIP caller', () => {
    const sip = call({
      displayName: 'Reception',
      username: null,
      sipExtension: '2001',
      kind: 'sip',
    })
    expect(missedCallText(sip)).toEqual({
      title: 'Missed call from Reception',
      body: 'Extension 2001 · Call back from Rocket.Chat',
    })
  })
})
