// The vault on a real settings.json: the token never appears in clear on disk, a weak
// keyring is never used without asking, and a secret from another keyring (or one
// that no longer decrypts) signs the agent out with a reason instead of crashing.
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseServerUrl } from '../core/server-url'
import {
  answering,
  fileContains,
  openConfStore,
  recordingLog,
  temporaryFolder,
  testCipher,
} from '../../test/session/support'
import { MemoryKeyValueStore, type KeyValueStore } from '../settings/key-value-store'
import { settingsFileOptions } from '../settings/settings-file-options'
import { CredentialVault, type AskStorageChoice, type VaultEntry } from './credential-vault'

const TOKEN = 'Xq4nC9pLr2-secret-login-token-7hT0eWmZ'
const server = parseServerUrl('https://chat.example.com')
if (!server.ok) throw new Error(server.error)

const entry: VaultEntry = {
  server: server.value,
  method: 'password',
  user: { id: 'iaZWAXecuCuBx4FnX', username: 'agent1', displayName: 'Agent One' },
  credentials: { userId: 'iaZWAXecuCuBx4FnX', authToken: TOKEN },
}

const folders: (() => void)[] = []
afterEach(() => folders.splice(0).forEach((remove) => remove()))

function onDisk() {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  return {
    file: path.join(dir, 'settings.json'),
    open: () => openConfStore(settingsFileOptions(dir)),
  }
}

function vault(
  store: KeyValueStore,
  cipher = testCipher(),
  ask: AskStorageChoice = answering('session-only'),
) {
  const log = recordingLog()
  return {
    vault: new CredentialVault({ store, cipher, askStorageChoice: ask, now: () => 1_000, log }),
    log,
  }
}

describe('credential vault: a real keyring', () => {
  it('stores the token encrypted, never in clear text on disk, and reads it back after a restart', async () => {
    const disk = onDisk()
    const ask = answering('store-anyway')
    expect(await vault(disk.open(), testCipher(), ask).vault.save(entry)).toBe('encrypted')
    expect(ask.questions).toEqual([])
    expect(fileContains(disk.file, TOKEN)).toBe(false)
    expect(fileContains(disk.file, Buffer.from(TOKEN).toString('base64'))).toBe(false)
    expect(vault(disk.open()).vault.load()).toEqual({
      ok: true,
      value: { ...entry, storage: 'encrypted' },
    })
  })

  it('forgets the secret on clear', async () => {
    const disk = onDisk()
    const { vault: first } = vault(disk.open())
    await first.save(entry)
    first.clear()
    expect(vault(disk.open()).vault.load()).toEqual({ ok: true, value: null })
  })

  it('keeps the session in memory only when encryption fails or the disk refuses', async () => {
    const broken = testCipher()
    broken.encrypt = () => {
      throw new Error('Error while encrypting the text provided to encryptString.')
    }
    const store = new MemoryKeyValueStore()
    expect(await vault(store, broken).vault.save(entry)).toBe('session-only')
    expect(store.get('credentials')).toBeUndefined()
    const full: KeyValueStore = {
      get: () => undefined,
      delete: () => {},
      set: () => {
        throw new Error('ENOSPC: no space left on device')
      },
    }
    const { vault: v, log } = vault(full)
    expect(await v.save(entry)).toBe('session-only')
    expect(log.lines.join('\n')).toMatch(/ENOSPC/)
    expect(log.lines.join('\n')).not.toContain(TOKEN)
  })
})

describe('credential vault: no real keyring', () => {
  it('asks before storing with the basic_text fallback, and keeps nothing when told "this session only"', async () => {
    const disk = onDisk()
    const ask = answering('session-only')
    const weak = testCipher({ backend: 'basic_text' })
    expect(await vault(disk.open(), weak, ask).vault.save(entry)).toBe('session-only')
    expect(ask.questions).toEqual([
      { host: 'chat.example.com', backend: 'basic_text', encryptionAvailable: true },
    ])
    expect(vault(disk.open(), weak).vault.load()).toEqual({ ok: true, value: null })
  })

  it('replaces an earlier stored session when the agent keeps the new one for this session only', async () => {
    const disk = onDisk()
    await vault(disk.open()).vault.save(entry)
    await vault(disk.open(), testCipher({ backend: 'basic_text' })).vault.save(entry)
    expect(vault(disk.open()).vault.load()).toEqual({ ok: true, value: null })
  })

  it('stores weakly protected when the agent says "store anyway", and says so', async () => {
    const disk = onDisk()
    const weak = testCipher({ backend: 'basic_text' })
    expect(await vault(disk.open(), weak, answering('store-anyway')).vault.save(entry)).toBe(
      'weakly-protected',
    )
    expect(fileContains(disk.file, TOKEN)).toBe(false)
    expect(vault(disk.open(), weak).vault.load()).toEqual({
      ok: true,
      value: { ...entry, storage: 'weakly-protected' },
    })
  })

  it('asks too when nothing can encrypt, and then stores the token only encoded', async () => {
    const disk = onDisk()
    const ask = answering('store-anyway')
    const none = testCipher({ backend: 'gnome_libsecret', available: false })
    expect(await vault(disk.open(), none, ask).vault.save(entry)).toBe('weakly-protected')
    expect(ask.questions).toEqual([
      { host: 'chat.example.com', backend: 'gnome_libsecret', encryptionAvailable: false },
    ])
    expect(fileContains(disk.file, TOKEN)).toBe(false)
    expect(vault(disk.open(), none).vault.load()).toEqual({
      ok: true,
      value: { ...entry, storage: 'weakly-protected' },
    })
  })

  it('keeps the session in memory only when the question cannot be asked', async () => {
    const store = new MemoryKeyValueStore()
    const failing: AskStorageChoice = () => Promise.reject(new Error('no display'))
    expect(
      await vault(store, testCipher({ backend: 'basic_text' }), failing).vault.save(entry),
    ).toBe('session-only')
    expect(store.get('credentials')).toBeUndefined()
  })
})

describe('credential vault: a secret it cannot read', () => {
  it('signs out with a reason when another keyring wrote the secret, and keeps it for when that one is back', async () => {
    const disk = onDisk()
    await vault(disk.open(), testCipher({ backend: 'gnome_libsecret' })).vault.save(entry)
    expect(vault(disk.open(), testCipher({ backend: 'kwallet5' })).vault.load()).toEqual({
      ok: false,
      error:
        'Your saved sign-in was protected by the GNOME keyring, but Call Tray now uses KDE Wallet. Sign in again.',
    })
    expect(vault(disk.open(), testCipher({ backend: 'gnome_libsecret' })).vault.load().ok).toBe(
      true,
    )
  })

  it('signs out with a reason when the keyring is unavailable right now', async () => {
    const disk = onDisk()
    await vault(disk.open()).vault.save(entry)
    expect(vault(disk.open(), testCipher({ available: false })).vault.load()).toEqual({
      ok: false,
      error:
        'The GNOME keyring is not available right now, so the saved sign-in cannot be read. Sign in again.',
    })
  })

  it('forgets a secret that no longer decrypts', async () => {
    const disk = onDisk()
    await vault(disk.open()).vault.save(entry)
    const otherKey = testCipher({ key: Buffer.alloc(32, 9) })
    expect(vault(disk.open(), otherKey).vault.load()).toEqual({
      ok: false,
      error:
        'The saved sign-in could no longer be decrypted (the keyring may have been reset). Sign in again.',
    })
    expect(vault(disk.open()).vault.load()).toEqual({ ok: true, value: null })
  })

  it.each([
    ['not an object', 'token'],
    ['a missing field', { format: 1, server: 'https://chat.example.com' }],
    ['an unusable server', { ...validRecordShape(), server: 'http://chat.example.com' }],
    ['a newer format', { ...validRecordShape(), format: 2 }],
  ])('forgets a record that is %s', (_case, record) => {
    const store = new MemoryKeyValueStore()
    store.set('credentials', record)
    expect(vault(store).vault.load()).toEqual({
      ok: false,
      error: 'The saved sign-in could not be read. Sign in again.',
    })
    expect(store.get('credentials')).toBeUndefined()
  })
})

function validRecordShape() {
  return {
    format: 1,
    server: 'https://chat.example.com',
    method: 'token',
    user: { id: 'u', username: 'agent1', displayName: 'Agent' },
    backend: 'gnome_libsecret',
    storage: 'encrypted',
    secret: 'AAAA',
    savedAt: 1,
  }
}
