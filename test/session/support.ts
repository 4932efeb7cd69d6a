// Stand-ins for the Electron side of sessions and settings: a cipher that really
// encrypts (AES-256-GCM with a fixed key, so clear text cannot appear on disk), a
// real settings file through conf (what electron-store is built on), a log that
// records, and a storage question that answers as told.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Conf from 'conf'
import type { Logger } from '../../main/session/session-types'
import type {
  AskStorageChoice,
  StorageChoice,
  StorageQuestion,
} from '../../main/session/credential-vault'
import type { SecretCipher } from '../../main/session/secret-cipher'
import type { KeyValueStore } from '../../main/settings/key-value-store'
import type { SettingsFileOptions } from '../../main/settings/settings-file-options'

export const TEST_KEY = Buffer.alloc(32, 7)

export interface TestCipherOptions {
  backend?: string
  available?: boolean
  key?: Buffer
}

/** iv (12) | tag (16) | ciphertext: the clear text cannot survive into the output. */
export function testCipher(
  options: TestCipherOptions = {},
): SecretCipher & { available: boolean; backendName: string } {
  const key = options.key ?? TEST_KEY
  return {
    available: options.available ?? true,
    backendName: options.backend ?? 'gnome_libsecret',
    isAvailable() {
      return this.available
    },
    backend() {
      return this.backendName
    },
    encrypt(text) {
      if (!this.available) throw new Error('Encryption is not available.')
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(data) {
      if (!this.available) throw new Error('Decryption is not available.')
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

export function openConfStore(options: SettingsFileOptions): KeyValueStore {
  return new Conf<Record<string, unknown>>(options)
}

export interface RecordingLog extends Logger {
  lines: string[]
}

export function recordingLog(): RecordingLog {
  const lines: string[] = []
  return {
    lines,
    info: (message) => void lines.push(`info ${message}`),
    warn: (message) => void lines.push(`warn ${message}`),
  }
}

export function answering(
  choice: StorageChoice,
): AskStorageChoice & { questions: StorageQuestion[] } {
  const questions: StorageQuestion[] = []
  const ask = async (question: StorageQuestion) => {
    questions.push(question)
    return choice
  }
  return Object.assign(ask, { questions })
}

/** A fresh folder per test, removed afterwards by the returned cleanup. */
export function temporaryFolder(prefix = 'call-tray-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The settings file's bytes, searched the way an attacker with the disk would. */
export function fileContains(filePath: string, secret: string): boolean {
  const bytes = readFileSync(filePath)
  return [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')].some((needle) =>
    bytes.includes(needle),
  )
}
