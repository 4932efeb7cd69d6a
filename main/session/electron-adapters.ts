// Electron's side of the session ports: safeStorage as the SecretCipher and a
// message box for "keep the sign-in without a real keyring?". Electron objects are
// passed in (index.ts imports them), so this file needs no running Electron to test.
import type { BaseWindow, Dialog, SafeStorage } from 'electron'
import type { AskStorageChoice, StorageQuestion } from './credential-vault'
import type { SecretCipher } from './secret-cipher'

export function safeStorageCipher(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform,
): SecretCipher {
  return {
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    // getSelectedStorageBackend() is Linux-only; the other platforms have exactly one keyring.
    backend: () =>
      platform === 'darwin'
        ? 'keychain'
        : platform === 'win32'
          ? 'dpapi'
          : safeStorage.getSelectedStorageBackend(),
    // Electron 45 deprecates the synchronous pair for the async one; the port is
    // synchronous (#4), and switching touches only this adapter and the vault.
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}

const SESSION_ONLY = 0
const STORE_ANYWAY = 1

export function storageChoiceDialog(
  dialog: Dialog,
  parent: () => BaseWindow | null,
): AskStorageChoice {
  return async (question) => {
    const options = {
      type: 'warning' as const,
      title: 'Call Tray',
      message: 'Keep your sign-in on this computer?',
      detail: questionDetail(question),
      buttons: ['Keep for this session only', 'Store anyway'],
      defaultId: SESSION_ONLY,
      cancelId: SESSION_ONLY,
      noLink: true,
    }
    const window = parent()
    const answer = window
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options)
    return answer.response === STORE_ANYWAY ? 'store-anyway' : 'session-only'
  }
}

function questionDetail({ host, backend, encryptionAvailable }: StorageQuestion): string {
  const risk = encryptionAvailable
    ? `This system has no keyring Call Tray can use (Electron selected "${backend}"). Stored anyway, your sign-in for ${host} is encrypted with a key built into every copy of Call Tray: anyone who can read your files can recover it.`
    : `Call Tray cannot encrypt anything on this system right now. Stored anyway, your sign-in for ${host} is saved without encryption: anyone who can read your files can use it.`
  return `${risk}\n\nKept for this session only, it is forgotten when Call Tray quits and you sign in again next time.`
}
