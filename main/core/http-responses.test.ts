import type { AxiosResponse } from 'axios'
import { describe, expect, it } from 'vitest'
import { classifyResponse } from './http-responses'

const answer = (status: number, body: unknown) =>
  ({ status, data: JSON.stringify(body), headers: {} }) as unknown as AxiosResponse<unknown>
const classify401 = (body: unknown) => classifyResponse(answer(401, body), null, 0)

describe('a 401 from Rocket.Chat', () => {
  it('asks for the code on the classic challenge, with its method', () => {
    expect(classify401({ error: 'totp-required', details: { method: 'email' } })).toEqual({
      ok: false,
      error: { kind: 'two-factor-required', method: 'email', invalidCode: false },
    })
  })

  it.each([
    [{ status: 'error', message: 'TOTP Required [totp-required]' }, 'totp', false],
    [{ success: false, error: 'Two-factor authentication required' }, 'totp', false],
    [{ success: false, error: 'Invalid two-factor code' }, 'totp', true],
    [{ success: false, message: 'Enter the 2FA code sent to your e-mail' }, 'email', false],
  ])(
    'still asks for the code in 9.0 shape without error code or details: %j',
    (body, method, invalidCode) => {
      expect(classify401(body)).toEqual({
        ok: false,
        error: { kind: 'two-factor-required', method, invalidCode },
      })
    },
  )

  it.each([
    { success: false, error: 'You must be logged in to do this.', status: 'error' },
    { status: 'error', message: 'Incorrect password' },
    null,
  ])('is a plain sign-in failure otherwise: %j', (body) => {
    expect(classify401(body)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
  })

  it('marks 9.0’s bare `unauthorized`, which says nothing about a second factor', () => {
    expect(classify401({ success: false, error: 'unauthorized' })).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: 'unauthorized', bare: true },
    })
    const classic = { status: 'error', error: 'Unauthorized', message: 'Unauthorized' }
    expect(classify401({ success: false, ...classic })).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: 'Unauthorized' },
    })
  })
})
