// The self-test's sentences: the rate-limit detail is put together from parts, and
// every detail and fix follows the language the agent reads.
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../common/i18n'
import { checkRateLimit, checkSignIn, runSelfTest, type SelfTestPorts } from './self-test'
import { err, ok } from './result'

const NOW = 1_000_000
const budget = { limit: 60, remaining: 12, resetAt: NOW + 30_000 }

describe('self-test: the rate-limit check', () => {
  it('says what is left, and how late polling alone may be on a shared budget', () => {
    expect(
      checkRateLimit({ limited: null, budget, shared: false, sharedSpacingMs: null }, NOW),
    ).toMatchObject({ ok: true, detail: '12 of 60 checks a minute left.' })
    expect(
      checkRateLimit({ limited: null, budget: null, shared: true, sharedSpacingMs: 7_200 }, NOW),
    ).toEqual({
      id: 'rate-limit',
      ok: false,
      detail:
        'The server sets no rate limit, shared with other desks: without the live connection a call may show up to 8 s late.',
      fix: 'Fix the live connection, or ask your administrator to raise the API rate limit.',
    })
  })
})

describe('self-test in the agent’s language', () => {
  afterEach(() => setLocale('en'))

  it('words the rate-limit detail in German', () => {
    setLocale('de')
    expect(
      checkRateLimit({ limited: null, budget, shared: true, sharedSpacingMs: null }, NOW).detail,
    ).toBe('Noch 12 von 60 Abfragen pro Minute übrig, geteilt mit anderen Arbeitsplätzen.')
  })

  it('words a rejected sign-in and the checks it blocked in French', async () => {
    setLocale('fr')
    expect(checkSignIn(err({ kind: 'unauthorized', message: 'x' }), NOW)).toMatchObject({
      detail: 'Le serveur n’accepte pas votre connexion.',
      fix: 'Reconnectez-vous.',
    })
    const ports: SelfTestPorts = {
      serverInfo: async () => ok({ version: '8.1.0' }),
      signedIn: async () => err({ kind: 'unauthorized', message: 'x' }),
      voice: async () => ({ kind: 'available' }),
      realtime: async () => ({ healthy: true, detail: '' }),
      rateLimit: async () => ({ limited: null, budget: null, shared: null, sharedSpacingMs: null }),
      now: () => NOW,
    }
    const [server, , voice] = await runSelfTest(ports)
    expect(server?.detail).toBe('Rocket.Chat 8.1.0 répond.')
    expect(voice).toMatchObject({
      ok: false,
      detail: 'Non vérifié : Le serveur n’accepte pas votre connexion.',
      fix: 'Reconnectez-vous.',
    })
  })
})
