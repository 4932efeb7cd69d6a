// Sign-in, restore and sign-out against the Rocket.Chat simulator over real HTTP on
// 127.0.0.1, through the same wiring the app uses (minus Electron): every flow runs
// once on Node's own HTTP stack and once through the fetch adapter the packaged app
// uses with net.fetch.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SignInInput } from '../../common/ipc-contract'
import type { RocketChatClient } from '../../main/core/rocketchat-client'
import { createFileLogger } from '../../main/logging/file-logger'
import { createFetchAdapter } from '../../main/net/electron-fetch-adapter'
import { assembleSessionServices } from '../../main/session/assemble'
import type { ActiveSession } from '../../main/session/session-types'
import type { AdminPolicy } from '../../main/settings/admin-policy'
import { adminPolicy } from '../support/policy'
import {
  AGENT1,
  AGENT_2FA,
  createSimulator,
  type Simulator,
  type SimulatorOptions,
} from '../simulator'
import {
  answering,
  fileContains,
  openConfStore,
  recordingLog,
  temporaryFolder,
  testCipher,
  type RecordingLog,
} from './support'

const AGENT1_TOKEN = AGENT1.tokens[0] ?? ''
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function simulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await createSimulator(options)
  cleanups.push(() => sim.close())
  return sim
}

function folder(): string {
  const { dir, remove } = temporaryFolder()
  cleanups.push(remove)
  return dir
}

/** An http server on 127.0.0.1 that answers every request the same way. */
async function fixedServer(status: number, contentType: string, body: string): Promise<string> {
  const server = http.createServer((_req, res) =>
    res.writeHead(status, { 'Content-Type': contentType }).end(body),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** An https server whose self-signed certificate nobody trusts. */
async function untrustedTlsServer(): Promise<string> {
  const dir = folder()
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
  const subject = ['-subj', '/CN=localhost', '-days', '1', '-nodes']
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', key, '-out', cert, ...subject],
    {
      stdio: 'ignore',
    },
  )
  const server = https.createServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (_req, res) => res.end('{}'),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `https://localhost:${(server.address() as AddressInfo).port}`
}

const transports = [
  ['Node’s HTTP stack', undefined],
  ['the fetch adapter', createFetchAdapter(globalThis.fetch)],
] as const

describe.each(transports)('sign-in over %s', (_name, adapter) => {
  interface Start {
    dir?: string
    cipher?: ReturnType<typeof testCipher>
    ask?: ReturnType<typeof answering>
    policy?: AdminPolicy | null
    log?: RecordingLog
  }

  function services(options: Start = {}) {
    const dir = options.dir ?? folder()
    const log = options.log ?? recordingLog()
    const built = assembleSessionServices({
      directory: dir,
      openStore: openConfStore,
      policy: options.policy ?? null,
      cipher: options.cipher ?? testCipher(),
      askStorageChoice: options.ask ?? answering('session-only'),
      adapter,
      log,
    })
    return { ...built, dir, log, file: path.join(dir, 'settings.json') }
  }

  function clientFor(built: ReturnType<typeof services>, session: ActiveSession): RocketChatClient {
    const client = built.createClient(session.server, session.credentials)
    cleanups.push(() => client.close())
    return client
  }

  function tokenInput(serverUrl: string, overrides: Partial<SignInInput> = {}): SignInInput {
    return {
      method: 'token',
      serverUrl,
      userId: AGENT1.id,
      authToken: AGENT1_TOKEN,
      ...overrides,
    } as SignInInput
  }

  function passwordInput(
    serverUrl: string,
    user = AGENT1.username,
    password = AGENT1.password,
    code?: string,
  ): Extract<SignInInput, { method: 'password' }> {
    return { method: 'password', serverUrl, user, password, ...(code !== undefined && { code }) }
  }

  describe('succeeding', () => {
    it('signs in with a personal access token, stores it encrypted and restores it after a restart', async () => {
      const sim = await simulator()
      const first = services()
      const { result, session } = await first.sessions.signIn(tokenInput(sim.url))
      expect(result).toEqual({ ok: true })
      expect(session).toEqual({
        server: { base: sim.url, host: new URL(sim.url).host },
        credentials: { userId: AGENT1.id, authToken: AGENT1_TOKEN },
        user: { id: AGENT1.id, username: 'agent1', displayName: 'Agent1' },
        method: 'token',
        storage: 'encrypted',
      })
      expect(fileContains(first.file, AGENT1_TOKEN)).toBe(false)
      expect(sim.requests.map((r) => r.route)).toEqual(['info', 'me', 'media-calls.state'])

      const restarted = services({ dir: first.dir })
      expect(await restarted.sessions.restore()).toEqual(session)
      expect(restarted.sessions.lastServerUrl()).toBe(sim.url)
      expect(restarted.settings.get().serverUrl).toBe(sim.url)
    })

    it('signs in with username and password, keeping the new login token off the disk in clear', async () => {
      const sim = await simulator()
      const built = services()
      const { result, session } = await built.sessions.signIn(passwordInput(sim.url))
      expect(result).toEqual({ ok: true })
      expect(session?.method).toBe('password')
      const newToken = session?.credentials.authToken ?? ''
      expect(newToken).not.toBe(AGENT1_TOKEN)
      expect(fileContains(built.file, newToken)).toBe(false)
      expect(fileContains(built.file, AGENT1.password)).toBe(false)
      expect((await clientFor(built, session as ActiveSession).me()).ok).toBe(true)
    })

    it('signs in to a server installed under a sub-path', async () => {
      const sim = await simulator({ basePath: '/chat' })
      const { result, session } = await services().sessions.signIn(tokenInput(`${sim.url}/home`))
      expect(result).toEqual({ ok: true })
      expect(session?.server.base).toBe(sim.url)
    })

    it('asks for the two-factor code, refuses a wrong one, and accepts the right one', async () => {
      const sim = await simulator()
      const { sessions } = services()
      const input = passwordInput(sim.url, AGENT_2FA.username, AGENT_2FA.password)
      expect((await sessions.signIn(input)).result).toEqual({
        ok: false,
        kind: 'two-factor-required',
        method: 'totp',
        message: 'Enter the code from your authenticator app.',
      })
      expect((await sessions.signIn({ ...input, code: '000000' })).result).toEqual({
        ok: false,
        kind: 'two-factor-required',
        method: 'totp',
        message: 'That two-factor code was not accepted. Try a new code.',
      })
      const signedIn = await sessions.signIn({ ...input, code: '246810' })
      expect(signedIn.result).toEqual({ ok: true })
      expect(signedIn.session?.user.username).toBe('agent2fa')
    })

    it('asks for an e-mail code with its own wording', async () => {
      const emailUser = { ...AGENT_2FA, twoFactor: { method: 'email' as const, code: '135790' } }
      const sim = await simulator({ users: [emailUser] })
      const { result } = await services().sessions.signIn(
        passwordInput(sim.url, emailUser.username, emailUser.password),
      )
      expect(result).toEqual({
        ok: false,
        kind: 'two-factor-required',
        method: 'email',
        message: 'Enter the code Rocket.Chat sent to your e-mail.',
      })
    })
  })

  describe('failing with a specific message on the right field', () => {
    it.each<[string, (url: string) => SignInInput, string]>([
      ['an empty server address', () => passwordInput(''), 'serverUrl'],
      ['http:// to another computer', () => passwordInput('http://chat.example.com'), 'serverUrl'],
      ['a blank user id', (url) => tokenInput(url, { userId: '   ' }), 'userId'],
      [
        'an overlong access token',
        (url) => tokenInput(url, { authToken: 'x'.repeat(1025) }),
        'authToken',
      ],
      [
        'a token with a line break',
        (url) => tokenInput(url, { authToken: 'abc\nX-Evil: 1' }),
        'authToken',
      ],
      ['a blank username', (url) => passwordInput(url, ' '), 'user'],
      ['an empty password', (url) => passwordInput(url, 'agent1', ''), 'password'],
      [
        'a blank two-factor code',
        (url) => passwordInput(url, 'agent2fa', 'agent2fa-password', ' '),
        'code',
      ],
    ])('stops %s before anything is sent', async (_case, input, field) => {
      const sim = await simulator()
      const { result } = await services().sessions.signIn(input(sim.url))
      expect(result).toMatchObject({ ok: false, kind: 'error', field })
      expect(sim.requests).toEqual([])
    })

    it('refuses a wrong password and an unknown user on the password field', async () => {
      const sim = await simulator()
      const { sessions } = services()
      const expected = {
        ok: false,
        kind: 'error',
        field: 'password',
        message: 'The username or password is not correct.',
      }
      expect((await sessions.signIn(passwordInput(sim.url, 'agent1', 'wrong'))).result).toEqual(
        expected,
      )
      expect((await sessions.signIn(passwordInput(sim.url, 'nobody', 'x'))).result).toEqual(
        expected,
      )
      expect((await sessions.signIn(passwordInput(sim.url, 'agent1', '   '))).result).toEqual(
        expected,
      )
    })

    it('refuses a wrong access token on the token field', async () => {
      const sim = await simulator()
      expect(
        (await services().sessions.signIn(tokenInput(sim.url, { authToken: 'not-the-token' })))
          .result,
      ).toEqual({
        ok: false,
        kind: 'error',
        field: 'authToken',
        message:
          'The server did not accept this user id and access token. Check both, or create a new personal access token.',
      })
    })

    it('names an unreachable server', async () => {
      const port = await closedPort()
      const { result } = await services().sessions.signIn(passwordInput(`http://127.0.0.1:${port}`))
      expect(result).toEqual({
        ok: false,
        kind: 'error',
        field: 'serverUrl',
        message: `Cannot reach 127.0.0.1:${port}: the connection was refused. Check the address and your network connection.`,
      })
    })

    it('names a certificate this computer does not trust', async () => {
      const url = await untrustedTlsServer()
      const { result } = await services().sessions.signIn(passwordInput(url))
      expect(result).toEqual({
        ok: false,
        kind: 'error',
        field: 'serverUrl',
        message: expect.stringMatching(
          /^A secure connection to localhost:\d+ could not be set up \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
        ),
      })
    })

    it('says that a web page is not a Rocket.Chat server', async () => {
      const url = await fixedServer(
        200,
        'text/html',
        '<!doctype html><title>Welcome to nginx!</title>',
      )
      const { result } = await services().sessions.signIn(passwordInput(url))
      expect(result).toEqual({
        ok: false,
        kind: 'error',
        field: 'serverUrl',
        message: expect.stringMatching(
          /^This address does not look like a Rocket\.Chat server \(a web page came back/,
        ),
      })
    })

    it('says that some other JSON service is not a Rocket.Chat server', async () => {
      const url = await fixedServer(200, 'application/json', '{"status":"ok","service":"grafana"}')
      const { result } = await services().sessions.signIn(tokenInput(url))
      expect(result).toMatchObject({
        ok: false,
        field: 'serverUrl',
        message: expect.stringMatching(/does not look like a Rocket\.Chat server/),
      })
      const missing = await fixedServer(404, 'text/plain', 'Not Found')
      const notFound = await services().sessions.signIn(tokenInput(missing))
      expect(notFound.result).toMatchObject({
        field: 'serverUrl',
        message: expect.stringMatching(
          /does not look like a Rocket\.Chat server \(nothing answered at \/api\/info\)/,
        ),
      })
    })

    it('names a Rocket.Chat server without media calls, and revokes the token it just created', async () => {
      const sim = await simulator({ mediaCalls: false })
      const { result, session } = await services().sessions.signIn(passwordInput(sim.url))
      expect(session).toBeNull()
      expect(result).toEqual({
        ok: false,
        kind: 'error',
        field: null,
        message: expect.stringMatching(/does not offer media calls/),
      })
      expect(sim.requests.map((r) => `${r.route} ${r.status}`)).toEqual([
        'info 200',
        'login 200',
        'me 200',
        'media-calls.state 404',
        'logout 200',
      ])
    })

    it('refuses a second sign-in while one is running', async () => {
      const sim = await simulator()
      const { sessions } = services()
      const [first, second] = await Promise.all([
        sessions.signIn(tokenInput(sim.url)),
        sessions.signIn(tokenInput(sim.url)),
      ])
      expect(first.result).toEqual({ ok: true })
      expect(second.result).toEqual({
        ok: false,
        kind: 'error',
        field: null,
        message: 'Already signing in. Wait a moment.',
      })
    })

    it('never writes a password, a 2FA code or a token into the log file', async () => {
      const sim = await simulator()
      const dir = folder()
      const logger = createFileLogger({ directory: dir, console: false })
      // The sessions' log goes to the real log file (its recorded lines stay empty).
      const built = services({ dir, log: { lines: [], info: logger.info, warn: logger.warn } })
      await built.sessions.signIn(passwordInput(sim.url, 'agent1', 'wrong-password'))
      const { session } = await built.sessions.signIn(passwordInput(sim.url))
      await built.sessions.signOut(session as ActiveSession)
      const twoFactor = passwordInput(sim.url, AGENT_2FA.username, AGENT_2FA.password)
      await built.sessions.signIn(twoFactor)
      await built.sessions.signIn({ ...twoFactor, code: '000000' })
      const { session: second } = await built.sessions.signIn({
        ...twoFactor,
        code: AGENT_2FA.twoFactor?.code ?? '',
      })
      const log = readFileSync(logger.file, 'utf8')
      expect(log).toMatch(/Signed in to 127\.0\.0\.1:\d+ as agent1 \(password, encrypted\)/)
      expect(log).toMatch(/Signed in to 127\.0\.0\.1:\d+ as agent2fa \(password, encrypted\)/)
      for (const secret of [
        'wrong-password',
        AGENT1.password,
        AGENT_2FA.password,
        AGENT_2FA.twoFactor?.code ?? '',
        '000000',
        session?.credentials.authToken ?? '',
        second?.credentials.authToken ?? '',
      ]) {
        expect(secret).not.toBe('')
        expect(log).not.toContain(secret)
      }
    })
  })

  describe('signing out', () => {
    it('revokes a password login’s token on the server and forgets it, keeping the server', async () => {
      const sim = await simulator()
      const built = services()
      const { session } = await built.sessions.signIn(passwordInput(sim.url))
      const active = session as ActiveSession
      await built.sessions.signOut(active)
      expect(await clientFor(built, active).me()).toEqual({
        ok: false,
        error: expect.objectContaining({ kind: 'unauthorized' }),
      })
      const restarted = services({ dir: built.dir })
      expect(await restarted.sessions.restore()).toBeNull()
      expect(restarted.sessions.lastServerUrl()).toBe(sim.url)
      expect(restarted.sessions.signedOutReason()).toBeNull()
    })

    it('leaves a personal access token valid on the server', async () => {
      const sim = await simulator()
      const built = services()
      const { session } = await built.sessions.signIn(tokenInput(sim.url))
      const active = session as ActiveSession
      await built.sessions.signOut(active)
      expect(sim.requests.some((r) => r.route === 'logout')).toBe(false)
      expect((await clientFor(built, active).me()).ok).toBe(true)
      expect(await services({ dir: built.dir }).sessions.restore()).toBeNull()
    })

    it('forgets credentials the server rejected, keeping the server and saying why', async () => {
      const sim = await simulator()
      const built = services()
      await built.sessions.signIn(tokenInput(sim.url))
      await built.sessions.forgetRejected()
      expect(built.sessions.signedOutReason()).toBe(
        'The server no longer accepts the saved sign-in. Sign in again.',
      )
      expect(await built.sessions.restore()).toBeNull()
      expect(built.sessions.lastServerUrl()).toBe(sim.url)
    })
  })

  describe('keyrings and policies', () => {
    it('asks before storing without a real keyring, and keeps the session for this run only', async () => {
      const sim = await simulator()
      const weak = testCipher({ backend: 'basic_text' })
      const ask = answering('session-only')
      const built = services({ cipher: weak, ask })
      const { session } = await built.sessions.signIn(tokenInput(sim.url))
      expect(session?.storage).toBe('session-only')
      expect(ask.questions).toHaveLength(1)
      const restarted = services({ dir: built.dir, cipher: weak })
      expect(await restarted.sessions.restore()).toBeNull()
      expect(restarted.sessions.lastServerUrl()).toBe(sim.url)
    })

    it('signs out with a clear message when another keyring is in use after a restart', async () => {
      const sim = await simulator()
      const built = services({ cipher: testCipher({ backend: 'kwallet5' }) })
      await built.sessions.signIn(tokenInput(sim.url))
      const restarted = services({ dir: built.dir, cipher: testCipher({ backend: 'basic_text' }) })
      expect(await restarted.sessions.restore()).toBeNull()
      expect(restarted.sessions.signedOutReason()).toMatch(
        /protected by KDE Wallet, but Call Tray now uses the built-in fallback key/,
      )
      expect(restarted.sessions.lastServerUrl()).toBe(sim.url)
    })

    it('holds sign-in to the server the administrator locked', async () => {
      const sim = await simulator()
      const other = await simulator()
      const locked = adminPolicy({ serverUrl: sim.url, locked: ['serverUrl'] })
      const built = services({ policy: locked })
      expect(built.sessions.lastServerUrl()).toBe(sim.url)
      expect((await built.sessions.signIn(tokenInput(other.url))).result).toEqual({
        ok: false,
        kind: 'error',
        field: 'serverUrl',
        message: `Your administrator set the server to ${sim.url}.`,
      })
      expect(other.requests).toEqual([])
      expect((await built.sessions.signIn(tokenInput(sim.url))).result).toEqual({ ok: true })
    })

    it('drops a saved session for another server once the administrator locks one', async () => {
      const sim = await simulator()
      const built = services()
      await built.sessions.signIn(tokenInput(sim.url))
      const restarted = services({
        dir: built.dir,
        policy: adminPolicy({ serverUrl: 'https://chat.corp.example', locked: ['serverUrl'] }),
      })
      expect(await restarted.sessions.restore()).toBeNull()
      expect(restarted.sessions.signedOutReason()).toBe(
        'Your administrator set the server to https://chat.corp.example. Sign in there.',
      )
    })
  })
})
