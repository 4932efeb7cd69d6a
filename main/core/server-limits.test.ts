// Both readers of server data, the REST schemas and the signal parser, bound every
// string the same way: identifiers refused, text cut.
import { describe, expect, it } from 'vitest'
import { rawCall } from '../../test/support/server-calls'
import { mediaCallSchema } from './api-schemas'
import { readMediaSignal } from './realtime/media-signal'
import { MAX_FEATURES, MAX_ID_LENGTH, MAX_TEXT_LENGTH, truncateServerText } from './server-limits'

const long = (length: number) => 'x'.repeat(length)
const caller = { type: 'user', id: 'aEGCdnFoBFCFNdiyX', displayName: 'Funke' }
const ring = (overrides: Record<string, unknown>) => ({
  type: 'new',
  callId: 'call-1',
  role: 'callee',
  contact: caller,
  ...overrides,
})

describe('bounds on what the server sends', () => {
  it('refuses a REST call whose id or party id is over-long: the call is unreadable', () => {
    expect(mediaCallSchema.safeParse(rawCall({ id: long(MAX_ID_LENGTH) })).success).toBe(true)
    expect(mediaCallSchema.safeParse(rawCall({ id: long(MAX_ID_LENGTH + 1) })).success).toBe(false)
    const from = { ...caller, id: long(MAX_ID_LENGTH + 1) }
    expect(mediaCallSchema.safeParse(rawCall({ from })).success).toBe(false)
  })

  it('refuses a REST call with too many or over-long features', () => {
    const many = Array.from({ length: MAX_FEATURES + 1 }, (_, i) => `f${i}`)
    expect(mediaCallSchema.safeParse(rawCall({ features: many })).success).toBe(false)
    expect(mediaCallSchema.safeParse(rawCall({ features: [long(65)] })).success).toBe(false)
  })

  it('refuses an over-long state or timestamp instead of reading megabytes', () => {
    expect(mediaCallSchema.safeParse(rawCall({ state: long(100_000) })).success).toBe(false)
    const raw = { ...rawCall(), createdAt: long(100_000) }
    expect(mediaCallSchema.safeParse(raw).success).toBe(false)
  })

  it('cuts over-long names, usernames and extensions in REST calls', () => {
    const from = {
      ...caller,
      displayName: long(1_000_000),
      username: long(5000),
      sipExtension: long(5000),
    }
    const call = mediaCallSchema.parse(rawCall({ from }))
    expect(call.caller.displayName).toHaveLength(MAX_TEXT_LENGTH)
    expect(call.caller.username).toHaveLength(MAX_TEXT_LENGTH)
    expect(call.caller.sipExtension).toHaveLength(MAX_TEXT_LENGTH)
  })

  it('refuses a signal whose call id or contact id is over-long', () => {
    expect(readMediaSignal(ring({ callId: long(MAX_ID_LENGTH + 1) })).kind).toBe('invalid')
    const contact = { ...caller, id: long(MAX_ID_LENGTH + 1) }
    expect(readMediaSignal(ring({ contact })).kind).toBe('invalid')
    const hangup = { type: 'notification', callId: long(200_000), notification: 'hangup' }
    expect(readMediaSignal(hangup).kind).toBe('invalid')
  })

  it('cuts over-long text in a signal and drops an over-long optional identifier', () => {
    const contact = { ...caller, displayName: long(1_000_000), username: long(300) }
    const reading = readMediaSignal(ring({ contact, self: { contractId: long(500) } }))
    expect(reading.kind).toBe('signal')
    if (reading.kind !== 'signal' || reading.signal.type !== 'new') return
    expect(reading.signal.contact.displayName).toHaveLength(MAX_TEXT_LENGTH)
    expect(reading.signal.contact.username).toHaveLength(MAX_TEXT_LENGTH)
    expect(reading.signal.self).toBeUndefined()
  })

  it('drops a signal feature list that is too long, as any wrong optional value', () => {
    const features = Array.from({ length: 10_000 }, () => 'audio')
    const reading = readMediaSignal({
      type: 'notification',
      callId: 'call-1',
      notification: 'active',
      features,
    })
    expect(reading).toEqual({
      kind: 'signal',
      signal: { type: 'notification', callId: 'call-1', notification: 'active' },
    })
  })

  it('never cuts through a character made of two code units', () => {
    const text = `${long(MAX_TEXT_LENGTH - 1)}😀`
    expect(truncateServerText(text)).toBe(long(MAX_TEXT_LENGTH - 1))
  })
})
