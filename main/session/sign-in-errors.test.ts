// The failures the simulator cannot easily stage: which sentence, on which field,
// for each kind of error at each step of the sign-in.
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../common/i18n'
import {
  identityFailure,
  loginFailure,
  mediaCallsFailure,
  serverCheckFailure,
} from './sign-in-errors'

const HOST = 'chat.example.com'
const NOW = 1_000_000

describe('sign-in failures', () => {
  it('asks the agent to wait out a rate limit, on no field', () => {
    expect(serverCheckFailure({ kind: 'rate-limited', resetAt: NOW + 12_500 }, HOST, NOW)).toEqual({
      ok: false,
      kind: 'error',
      field: null,
      message: 'The server is limiting requests from this network. Try again in 13 s.',
    })
  })

  it('names a server error and a timeout', () => {
    expect(loginFailure({ kind: 'server-error', status: 502 }, HOST, NOW)).toMatchObject({
      field: null,
      message: 'chat.example.com had a problem (HTTP 502). Try again in a moment.',
    })
    expect(serverCheckFailure({ kind: 'timeout', afterMs: 10_000 }, HOST, NOW)).toMatchObject({
      field: 'serverUrl',
      message:
        'chat.example.com did not answer within 10 s. Check the address, or try again in a moment.',
    })
  })

  it('reads a redirect or a refusal at /api/info as "not Rocket.Chat"', () => {
    const redirect = {
      kind: 'invalid-response' as const,
      detail: 'the server redirected to https://sso.example.com/login. Check the server address.',
    }
    expect(serverCheckFailure(redirect, HOST, NOW)).toMatchObject({
      field: 'serverUrl',
      message: expect.stringMatching(
        /^This address does not look like a Rocket\.Chat server \(the server redirected to https:\/\/sso/,
      ),
    })
    expect(
      serverCheckFailure({ kind: 'rejected', status: 403, code: 'HTTP 403' }, HOST, NOW),
    ).toMatchObject({
      field: 'serverUrl',
      message: expect.stringMatching(/\(it refused with HTTP 403\)/),
    })
    expect(
      serverCheckFailure({ kind: 'unauthorized', message: 'Proxy sign-in' }, HOST, NOW),
    ).toMatchObject({
      field: 'serverUrl',
      message: expect.stringMatching(/asked for a sign-in first/),
    })
  })

  it('passes a refused login request on with the server’s code', () => {
    expect(
      loginFailure({ kind: 'rejected', status: 400, code: 'error-invalid-user' }, HOST, NOW),
    ).toEqual({
      ok: false,
      kind: 'error',
      field: null,
      message: 'The server refused the sign-in (error-invalid-user).',
    })
  })

  it('asks to confirm with the password when the server wants that as the second factor', () => {
    expect(
      loginFailure(
        { kind: 'two-factor-required', method: 'password', invalidCode: false },
        HOST,
        NOW,
      ),
    ).toEqual({
      ok: false,
      kind: 'two-factor-required',
      method: 'password',
      message: 'Enter your password again to confirm.',
    })
  })

  it('does not blame the token for a rejected /me after a password login', () => {
    expect(
      identityFailure({ kind: 'unauthorized', message: 'x' }, 'password', HOST, NOW),
    ).toMatchObject({
      field: null,
    })
  })

  it('lets only a missing feature or rejected credentials stop the media-calls check', () => {
    expect(mediaCallsFailure({ kind: 'rate-limited', resetAt: NOW }, 'token', HOST, NOW)).toBeNull()
    expect(mediaCallsFailure({ kind: 'server-error', status: 503 }, 'token', HOST, NOW)).toBeNull()
    expect(
      mediaCallsFailure({ kind: 'unauthorized', message: 'x' }, 'token', HOST, NOW),
    ).toMatchObject({
      field: 'authToken',
    })
  })
})

describe('sign-in failures in the agent’s language', () => {
  afterEach(() => setLocale('en'))

  it('words the failure in German, the reason included', () => {
    setLocale('de')
    expect(serverCheckFailure({ kind: 'not-supported' }, HOST, NOW)).toMatchObject({
      field: 'serverUrl',
      message:
        'Diese Adresse scheint kein Rocket.Chat-Server zu sein (unter /api/info hat nichts geantwortet). Bitte prüfen Sie die Adresse, auch einen Unterpfad wie /chat.',
    })
  })

  it('words a wrong password in Brazilian Portuguese and a missing feature in Spanish', () => {
    setLocale('pt-BR')
    expect(loginFailure({ kind: 'unauthorized', message: 'x' }, HOST, NOW)).toMatchObject({
      field: 'password',
      message: 'O usuário ou a senha está incorreto.',
    })
    setLocale('es')
    expect(mediaCallsFailure({ kind: 'not-supported' }, 'token', HOST, NOW)?.message).toMatch(
      /^chat\.example\.com no ofrece llamadas multimedia/,
    )
  })
})
