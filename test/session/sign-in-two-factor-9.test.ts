// Two-factor sign-in against a Rocket.Chat 9.0 simulator over real HTTP and WebSocket on
// 127.0.0.1: its REST login answers every failure with a bare 401, so the code prompt
// depends on the one DDP `login` the sign-in then asks. Through the same wiring the app
// uses (minus Electron), on Node's HTTP stack and through the packaged app's fetch adapter.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { SignInInput } from '../../common/ipc-contract'
import { createFileLogger } from '../../main/logging/file-logger'
import { createFetchAdapter } from '../../main/net/electron-fetch-adapter'
import { assembleSessionServices, type SessionPorts } from '../../main/session/assemble'
import { AGENT1, AGENT_2FA, createSimulator, type Simulator } from '../simulator'
import { answering, openConfStore, recordingLog, temporaryFolder, testCipher } from './support'

const RIGHT_CODE = AGENT_2FA.twoFactor?.code ?? ''
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function server90(users = [AGENT1, AGENT_2FA]): Promise<Simulator> {
  const sim = await createSimulator({ serverVersion: '9.0.0', users })
  cleanups.push(() => sim.close())
  return sim
}

const transports = [
  ['Node’s HTTP stack', undefined],
  ['the fetch adapter', createFetchAdapter(globalThis.fetch)],
] as const

describe.each(transports)('9.0 two-factor sign-in over %s', (_name, adapter) => {
  function services(overrides: Partial<SessionPorts> = {}) {
    const { dir, remove } = temporaryFolder()
    cleanups.push(remove)
    return assembleSessionServices({
      directory: dir,
      openStore: openConfStore,
      policy: null,
      cipher: testCipher(),
      askStorageChoice: answering('session-only'),
      adapter,
      log: recordingLog(),
      ...overrides,
    })
  }

  const passwordInput = (
    sim: Simulator,
    user: string,
    password: string,
    code?: string,
  ): Extract<SignInInput, { method: 'password' }> => ({
    method: 'password',
    serverUrl: sim.url,
    user,
    password,
    ...(code !== undefined && { code }),
  })
  const ddpLogins = (sim: Simulator) =>
    sim.realtimeFrames.filter((r) => (r.frame as { method?: unknown }).method === 'login')
  const restLogins = (sim: Simulator) => sim.requests.filter((r) => r.route === 'login')

  it('asks for the code after the bare 401, refuses a wrong one, and signs in with the right one', async () => {
    const sim = await server90()
    const { sessions } = services()
    const input = passwordInput(sim, AGENT_2FA.username, AGENT_2FA.password)

    expect((await sessions.signIn(input)).result).toEqual({
      ok: false,
      kind: 'two-factor-required',
      method: 'totp',
      message: 'Enter the code from your authenticator app.',
    })
    expect(restLogins(sim).map((r) => r.status)).toEqual([401])
    expect(ddpLogins(sim)).toHaveLength(1)

    expect((await sessions.signIn({ ...input, code: '000000' })).result).toEqual({
      ok: false,
      kind: 'two-factor-required',
      method: 'totp',
      message: 'That two-factor code was not accepted. Try a new code.',
    })

    const signedIn = await sessions.signIn({ ...input, code: RIGHT_CODE })
    expect(signedIn.result).toEqual({ ok: true })
    expect(signedIn.session?.user.username).toBe('agent2fa')
    // The code went with the REST login, which 9.0 still accepts; DDP was not needed for it.
    expect(restLogins(sim).at(-1)).toMatchObject({ status: 200, body: { code: RIGHT_CODE } })
    expect(ddpLogins(sim)).toHaveLength(2)
  })

  it('asks for an e-mail code with its own wording', async () => {
    const emailUser = { ...AGENT_2FA, twoFactor: { method: 'email' as const, code: '135790' } }
    const sim = await server90([emailUser])
    const input = passwordInput(sim, emailUser.username, emailUser.password)
    expect((await services().sessions.signIn(input)).result).toMatchObject({
      kind: 'two-factor-required',
      method: 'email',
      message: 'Enter the code Rocket.Chat sent to your e-mail.',
    })
  })

  it('keeps a wrong password and an unknown user as "not correct", without a code prompt', async () => {
    const sim = await server90()
    const { sessions } = services()
    const expected = {
      ok: false,
      kind: 'error',
      field: 'password',
      message: 'The username or password is not correct.',
    }
    const wrong = passwordInput(sim, AGENT_2FA.username, 'wrong-password')
    expect((await sessions.signIn(wrong)).result).toEqual(expected)
    expect((await sessions.signIn(passwordInput(sim, 'nobody', 'x'))).result).toEqual(expected)
    expect(ddpLogins(sim)).toHaveLength(2)
  })

  it('sends the password over DDP only as its SHA-256 digest, and logs neither', async () => {
    const sim = await server90()
    const { dir, remove } = temporaryFolder()
    cleanups.push(remove)
    const logger = createFileLogger({ directory: dir, console: false })
    const { sessions } = services({ log: { info: logger.info, warn: logger.warn } })
    await sessions.signIn(passwordInput(sim, AGENT_2FA.username, AGENT_2FA.password))

    const digest = createHash('sha256').update(AGENT_2FA.password).digest('hex')
    expect(ddpLogins(sim).map((r) => r.frame)).toEqual([
      expect.objectContaining({
        params: [{ user: { username: 'agent2fa' }, password: { digest, algorithm: 'sha-256' } }],
      }),
    ])
    expect(JSON.stringify(sim.realtimeFrames)).not.toContain(AGENT_2FA.password)
    const log = readFileSync(logger.file, 'utf8')
    expect(log).toContain('a two-factor code is needed')
    expect(log).not.toContain(AGENT_2FA.password)
    expect(log).not.toContain(digest)
  })

  it('says what it could not ask when the WebSocket is refused, on the password field', async () => {
    const sim = await server90()
    sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 403 })
    const input = passwordInput(sim, AGENT_2FA.username, AGENT_2FA.password)
    expect((await services().sessions.signIn(input)).result).toEqual({
      ok: false,
      kind: 'error',
      field: 'password',
      message: expect.stringMatching(
        /^The username or password is not correct, or your account needs a two-factor code that 127\.0\.0\.1:\d+ asks for only over WebSocket, which did not work from here \(the server refused the WebSocket upgrade \(HTTP 403\)\)\.$/,
      ),
    })
  })

  it('asks over the socket route it is given (the realtime stream’s proxy route)', async () => {
    const sim = await server90()
    const asked: string[] = []
    const { sessions } = services({
      socketRouter: async (url) => {
        asked.push(url)
        return {}
      },
    })
    await sessions.signIn(passwordInput(sim, AGENT_2FA.username, AGENT_2FA.password))
    expect(asked).toEqual([`${sim.url.replace(/^http/, 'ws')}/websocket`])
  })

  it('asks nothing over DDP where the REST login says why (8.x)', async () => {
    const sim = await createSimulator({ users: [AGENT_2FA] })
    cleanups.push(() => sim.close())
    const input = passwordInput(sim, AGENT_2FA.username, 'wrong-password')
    expect((await services().sessions.signIn(input)).result).toMatchObject({ field: 'password' })
    expect(sim.realtimeFrames).toEqual([])
  })
})
