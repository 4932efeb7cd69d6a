// Electron's side of the session ports: safeStorage as the SecretCipher and a
// message box for "keep the sign-in without a real keyring?". Electron objects are
// passed in (index.ts imports them), so this file needs no running Electron to test.
import type { BaseWindow, Dialog, SafeStorage } from 'electron'
import type { AskStorageChoice, StorageQuestion } from './credential-vault'
import type { SecretCipher } from './secret-cipher'
import { t } from '../../common/i18n'

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
      message: t('storage.message'),
      detail: questionDetail(question),
      buttons: [t('storage.sessionOnly'), t('storage.storeAnyway')],
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
    ? t('storage.riskWeak', { backend: backend ?? '', host })
    : t('storage.riskPlain', { host })
  return `${risk}\n\n${t('storage.sessionOnlyExplained')}`
}
