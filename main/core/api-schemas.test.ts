import { describe, expect, it } from 'vitest'
import { loadExample, loadExamples } from '../../test/support/examples'
import { rawCall } from '../../test/support/server-calls'
import { callsStateSchema, errorBodySchema, mediaCallSchema } from './api-schemas'
import { waitSecondsFromMessage } from './rate-limit'

describe('parsing the shared Rocket.Chat examples', () => {
  const examples = loadExamples()

  it('finds the examples', () => {
    expect(examples.map((example) => example.name)).toEqual(
      expect.arrayContaining(['state-ringing.json', 'state-active.json', '401.json', '429.json']),
    )
  })

  for (const example of examples.filter((e) => e.name.startsWith('state-'))) {
    it(`reads every call in ${example.name} (${example.source})`, () => {
      const state = callsStateSchema.parse(example.body)
      expect(state.success).toBe(true)
      for (const call of state.calls) {
        const parsed = mediaCallSchema.safeParse(call)
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
        expect(parsed.data?.ended).toBe(false)
      }
    })
  }

  for (const example of examples.filter((e) => /^(401|429)/.test(e.name))) {
    it(`reads the error body ${example.name}`, () => {
      const body = errorBodySchema.parse(example.body)
      expect(body.message ?? body.error).toBeTruthy()
    })
  }

  it('turns the docs string booleans into booleans', () => {
    const state = callsStateSchema.parse(loadExample('state-ringing-doc-strings.json'))
    expect(state.success).toBe(true)
    const call = mediaCallSchema.parse(state.calls[0])
    expect(call.ended).toBe(false)
    expect(call.state).toBe('ringing')
    expect(call.callee.contractId).toBeUndefined()
  })

  it('reads the wait time out of the 429 body', () => {
    const body = errorBodySchema.parse(loadExample('429.json'))
    expect(waitSecondsFromMessage(body.error)).toBe(42)
  })

  it('reads dates as epoch milliseconds', () => {
    const state = callsStateSchema.parse(loadExample('state-active.json'))
    const call = mediaCallSchema.parse(state.calls[0])
    expect(call.activatedAt).toBe(Date.parse('2026-04-30T13:31:12.698Z'))
    expect(call.features).toEqual(['audio', 'screen-share', 'transfer', 'hold'])
  })
})

describe('call schema tolerance', () => {
  it('keeps an unknown future state as unknown', () => {
    expect(mediaCallSchema.parse(rawCall({ state: 'transferring' })).state).toBe('unknown')
  })

  it('accepts extra fields and missing optional ones', () => {
    const raw = { ...rawCall(), brandNewField: { nested: true } } as Record<string, unknown>
    delete raw['expiresAt']
    delete raw['features']
    delete raw['_updatedAt']
    const call = mediaCallSchema.parse(raw)
    expect(call.features).toEqual([])
    expect(call.expiresAt).toBeUndefined()
  })

  it('accepts null for optional party fields', () => {
    const call = mediaCallSchema.parse(
      rawCall({ from: { type: 'user', id: 'x', displayName: null, username: null } }),
    )
    expect(call.caller.displayName).toBeUndefined()
  })

  it('rejects wrong types with the path of the problem', () => {
    const parsed = mediaCallSchema.safeParse({ ...rawCall(), caller: { type: 'user', id: 42 } })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.path).toEqual(['caller', 'id'])
  })

  it('rejects dates that are not dates', () => {
    expect(mediaCallSchema.safeParse({ ...rawCall(), createdAt: 'yesterday' }).success).toBe(false)
  })
})
