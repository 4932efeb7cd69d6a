// The port to the operating system's secret protection (Electron's safeStorage in
// the app, a real cipher with a fixed key in tests), and how much it protects.

export interface SecretCipher {
  /** Whether encrypt/decrypt work right now. */
  isAvailable(): boolean
  /**
   * The keyring that protects secrets: 'keychain' (macOS), 'dpapi' (Windows), or on
   * Linux what Electron selected: 'gnome_libsecret', 'kwallet5', 'basic_text', ...
   */
  backend(): string
  /** May throw; callers turn that into a value. */
  encrypt(text: string): Buffer
  /** May throw (another key, damaged data); callers turn that into a value. */
  decrypt(data: Buffer): string
}

/** Chromium's fallback on Linux without a keyring: encrypted with a key built into every copy. */
export const BASIC_TEXT_BACKEND = 'basic_text'
/** Recorded when the agent chose to store the token although nothing could encrypt it. */
export const NO_ENCRYPTION_BACKEND = 'none'

/**
 * 'strong': a real keyring. 'weak': basic_text, which anyone with the file can undo.
 * 'none': no encryption at all right now.
 */
export type Protection = 'strong' | 'weak' | 'none'

export function protectionOf(cipher: SecretCipher): Protection {
  if (!safely(() => cipher.isAvailable(), false)) return 'none'
  return safely(() => cipher.backend(), 'unknown') === BASIC_TEXT_BACKEND ? 'weak' : 'strong'
}

/** The backend's name for a sentence the agent reads. */
export function describeBackend(backend: string): string {
  if (backend === 'keychain') return 'the macOS Keychain'
  if (backend === 'dpapi') return 'Windows data protection'
  if (backend === 'gnome_libsecret') return 'the GNOME keyring'
  if (backend.startsWith('kwallet')) return 'KDE Wallet'
  if (backend === BASIC_TEXT_BACKEND) return 'the built-in fallback key (no system keyring)'
  if (backend === NO_ENCRYPTION_BACKEND) return 'no encryption'
  return `"${backend}"`
}

/** Ports may throw (Electron does); the vault never lets that escape. */
export function safely<T>(run: () => T, fallback: T): T {
  try {
    return run()
  } catch {
    return fallback
  }
}
