// createSessionServices as the shell calls it, with Electron replaced at the edge:
// app paths in a temporary folder, safeStorage by a real cipher, net.fetch by Node's
// fetch. Sign-in then runs over HTTP against the simulator through the fetch adapter,
// electron-store, and the admin policy the caller resolved.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AGENT1, createSimulator } from '../../test/simulator'
import { fileContains, recordingLog, temporaryFolder, testCipher } from '../../test/session/support'
import { adminPolicy } from '../../test/support/policy'
import { createSessionServices } from './index'

const electron = vi.hoisted(() => {
  // electron-store (not inlined, so beyond vi.mock) loads the real `electron` package:
  // pointed at a dist that does not exist, it exports a path and never downloads.
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] = '/nonexistent/electron-dist'
  return { userData: '', exe: '', fetched: [] as string[] }
})

vi.mock('electron', () => {
  const cipher = testCipher({ backend: 'gnome_libsecret' })
  return {
    app: {
      getPath: (name: string) => (name === 'exe' ? electron.exe : electron.userData),
      getVersion: () => '0.1.0',
    },
    safeStorage: {
      isEncryptionAvailable: () => cipher.isAvailable(),
      getSelectedStorageBackend: () => cipher.backend(),
      encryptString: (text: string) => cipher.encrypt(text),
      decryptString: (data: Buffer) => cipher.decrypt(data),
    },
    dialog: { showMessageBox: async () => ({ response: 0, checkboxChecked: false }) },
    net: {
      fetch: (input: string | Request, init?: RequestInit) => {
        electron.fetched.push(input instanceof Request ? input.url : input)
        return fetch(input, init)
      },
    },
  }
})

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function setup(policy?: unknown) {
  const { dir, remove } = temporaryFolder()
  cleanups.push(remove)
  electron.userData = path.join(dir, 'userData')
  electron.exe = path.join(dir, 'app', 'call-tray')
  electron.fetched.length = 0
  mkdirSync(path.dirname(electron.exe), { recursive: true })
  if (policy !== undefined) {
    writeFileSync(path.join(dir, 'app', 'call-tray.json'), JSON.stringify(policy))
  }
  const sim = await createSimulator()
  cleanups.push(() => sim.close())
  return { sim, settingsFile: path.join(electron.userData, 'settings.json') }
}

describe('createSessionServices', () => {
  it('signs in through net.fetch, keeps the token encrypted in userData, and restores it', async () => {
    const { sim, settingsFile } = await setup()
    const log = recordingLog()
    const services = createSessionServices({ logger: log, policy: null })
    const token = AGENT1.tokens[0] ?? ''
    const input = {
      method: 'token' as const,
      serverUrl: sim.url,
      userId: AGENT1.id,
      authToken: token,
    }
    const { result, session } = await services.sessions.signIn(input)
    expect(result).toEqual({ ok: true })
    expect(session?.storage).toBe('encrypted')
    expect(electron.fetched).toEqual([
      `${sim.url}/api/info`,
      `${sim.url}/api/v1/me`,
      `${sim.url}/api/v1/media-calls.state`,
    ])
    expect(fileContains(settingsFile, token)).toBe(false)
    expect(await createSessionServices({ logger: log, policy: null }).sessions.restore()).toEqual(
      session,
    )
  })

  it('applies the admin policy it is given', async () => {
    const { sim } = await setup()
    const policy = adminPolicy({
      serverUrl: 'https://chat.corp.example',
      locked: ['serverUrl', 'startAtLogin'],
    })
    const services = createSessionServices({ logger: recordingLog(), policy })
    expect(services.settings.get().serverUrl).toBe('https://chat.corp.example')
    expect([...services.settings.locked()].sort()).toEqual(['serverUrl', 'startAtLogin'])
    expect(services.settings.update({ startAtLogin: true }).ok).toBe(false)
    const input = {
      method: 'token' as const,
      serverUrl: sim.url,
      userId: AGENT1.id,
      authToken: 'x',
    }
    expect((await services.sessions.signIn(input)).result).toMatchObject({ field: 'serverUrl' })
  })

  it('ignores a policy file beside the executable, where a per-user install lets the user write', async () => {
    await setup({ serverUrl: 'https://phishing.example', locked: ['serverUrl'] })
    const services = createSessionServices({ logger: recordingLog(), policy: null })
    expect(services.settings.get().serverUrl).toBeNull()
    expect([...services.settings.locked()]).toEqual([])
  })

  it('creates clients that speak through net.fetch', async () => {
    const { sim } = await setup()
    const services = createSessionServices({ logger: recordingLog(), policy: null })
    const server = { base: sim.url, host: new URL(sim.url).host }
    const client = services.createClient(server, {
      userId: AGENT1.id,
      authToken: AGENT1.tokens[0] ?? '',
    })
    cleanups.push(() => client.close())
    expect((await client.getCallsState()).result.ok).toBe(true)
    expect(electron.fetched).toEqual([`${sim.url}/api/v1/media-calls.state`])
  })
})
