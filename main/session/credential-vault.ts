// Keeps the signed-in session across restarts: the token encrypted with the OS
// keyring (safeStorage) in the `credentials` entry of settings.json, next to the
// name of the backend that encrypted it. Without a real keyring it asks before
// writing anything weakly protected. Nothing here throws, and nothing is logged
// that contains the token.
import { z } from 'zod'
import { err, ok, type Result } from '../core/result'
import type { Credentials } from '../core/rocketchat-client'
import { parseServerUrl, type ServerUrl } from '../core/server-url'
import type { KeyValueStore } from '../settings/key-value-store'
import {
  describeBackend,
  NO_ENCRYPTION_BACKEND,
  protectionOf,
  safely,
  type SecretCipher,
} from './secret-cipher'
import type { ActiveSession, Logger, SignedInUser } from './session-types'

const CREDENTIALS_KEY = 'credentials'

export type StorageChoice = 'session-only' | 'store-anyway'

export interface StorageQuestion {
  /** The server being signed in to, for the question's wording. */
  host: string
  /** What Electron selected, e.g. 'basic_text'. */
  backend: string
  /** False: nothing can encrypt right now, so "store anyway" keeps the token only encoded. */
  encryptionAvailable: boolean
}

/** Asks the agent; the app shows a dialog. A failed question counts as 'session-only'. */
export type AskStorageChoice = (question: StorageQuestion) => Promise<StorageChoice>

export interface VaultEntry {
  server: ServerUrl
  method: ActiveSession['method']
  user: SignedInUser
  credentials: Credentials
}

export interface StoredSession extends VaultEntry {
  storage: Exclude<ActiveSession['storage'], 'session-only'>
}

const recordSchema = z.object({
  format: z.literal(1),
  server: z.string().min(1),
  method: z.enum(['token', 'password']),
  user: z.object({ id: z.string().min(1), username: z.string().min(1), displayName: z.string() }),
  /** Which backend wrote `secret`: another one cannot read it. */
  backend: z.string().min(1),
  storage: z.enum(['encrypted', 'weakly-protected']),
  /** The auth token, encrypted by `backend`, in base64. */
  secret: z.string().min(1),
  savedAt: z.number(),
})
type CredentialRecord = z.infer<typeof recordSchema>

export interface VaultDeps {
  store: KeyValueStore
  cipher: SecretCipher
  askStorageChoice: AskStorageChoice
  now: () => number
  log: Logger
}

export class CredentialVault {
  constructor(private readonly deps: VaultDeps) {}

  /** Stores the session as well as this computer allows (or as the agent chose). */
  async save(entry: VaultEntry): Promise<ActiveSession['storage']> {
    const { cipher, log } = this.deps
    const protection = protectionOf(cipher)
    if (protection !== 'strong') {
      const choice = await this.ask({
        host: entry.server.host,
        backend: safely(() => cipher.backend(), 'unknown'),
        encryptionAvailable: protection === 'weak',
      })
      if (choice === 'session-only') {
        this.clear()
        return 'session-only'
      }
    }
    const sealed = this.seal(entry.credentials.authToken, protection === 'none')
    if (!sealed) {
      log.warn('The token could not be encrypted; it is kept for this session only.')
      this.clear()
      return 'session-only'
    }
    const storage = protection === 'strong' ? 'encrypted' : 'weakly-protected'
    const record: CredentialRecord = {
      format: 1,
      server: entry.server.base,
      method: entry.method,
      user: entry.user,
      backend: sealed.backend,
      storage,
      secret: sealed.secret,
      savedAt: this.deps.now(),
    }
    try {
      this.deps.store.set(CREDENTIALS_KEY, record)
    } catch (error) {
      log.warn(
        `The sign-in could not be saved (${describe(error)}); it is kept for this session only.`,
      )
      this.clear()
      return 'session-only'
    }
    return storage
  }

  /** The stored session, null when there is none, or why it cannot be used. */
  load(): Result<StoredSession | null, string> {
    const raw = this.deps.store.get(CREDENTIALS_KEY)
    if (raw === undefined) return ok(null)
    const parsed = recordSchema.safeParse(raw)
    const server = parsed.success ? parseServerUrl(parsed.data.server) : null
    if (!parsed.success || !server?.ok) {
      this.clear()
      return err('The saved sign-in could not be read. Sign in again.')
    }
    const record = parsed.data
    const token = this.unseal(record)
    if (!token.ok) return token
    const { method, user, storage } = record
    const credentials = { userId: user.id, authToken: token.value }
    return ok({ server: server.value, method, user, storage, credentials })
  }

  /** Forgets the stored secret; the server address stays in the settings. */
  clear(): void {
    try {
      this.deps.store.delete(CREDENTIALS_KEY)
    } catch (error) {
      this.deps.log.warn(`The saved sign-in could not be removed (${describe(error)}).`)
    }
  }

  private async ask(question: StorageQuestion): Promise<StorageChoice> {
    try {
      return await this.deps.askStorageChoice(question)
    } catch (error) {
      this.deps.log.warn(
        `Could not ask where to keep the sign-in (${describe(error)}); keeping it for this session only.`,
      )
      return 'session-only'
    }
  }

  private seal(token: string, unencrypted: boolean): { backend: string; secret: string } | null {
    if (unencrypted) {
      // Only with the agent's consent, and said as much in the question they answered.
      return { backend: NO_ENCRYPTION_BACKEND, secret: Buffer.from(token).toString('base64') }
    }
    const { cipher } = this.deps
    const backend = safely(() => cipher.backend(), 'unknown')
    const sealed = safely<Buffer | null>(() => cipher.encrypt(token), null)
    return sealed && sealed.length > 0 ? { backend, secret: sealed.toString('base64') } : null
  }

  private unseal(record: CredentialRecord): Result<string, string> {
    const data = Buffer.from(record.secret, 'base64')
    if (record.backend === NO_ENCRYPTION_BACKEND) return ok(data.toString('utf8'))
    const { cipher } = this.deps
    const current = safely(() => cipher.backend(), 'unknown')
    // Kept on disk in both cases below: the keyring may be back next time, and the
    // next sign-in replaces the record anyway.
    if (current !== record.backend) {
      return err(
        `Your saved sign-in was protected by ${describeBackend(record.backend)}, but Call Tray now uses ${describeBackend(current)}. Sign in again.`,
      )
    }
    if (!safely(() => cipher.isAvailable(), false)) {
      return err(
        `${capitalize(describeBackend(current))} is not available right now, so the saved sign-in cannot be read. Sign in again.`,
      )
    }
    const token = safely<string | null>(() => cipher.decrypt(data), null)
    if (!token) {
      this.clear()
      return err(
        'The saved sign-in could no longer be decrypted (the keyring may have been reset). Sign in again.',
      )
    }
    return ok(token)
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
