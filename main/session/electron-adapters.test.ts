// safeStorage and the storage question as the app wires them, with stand-ins for
// the Electron objects (the adapters receive them, so no module mock is needed).
import type { BaseWindow, Dialog, MessageBoxOptions, SafeStorage } from 'electron'
import { describe, expect, it } from 'vitest'
import { safeStorageCipher, storageChoiceDialog } from './electron-adapters'

function fakeSafeStorage(
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']>,
): SafeStorage {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`sealed:${text}`),
    decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
  } as unknown as SafeStorage
}

function fakeDialog(response: number) {
  const shown: { window: BaseWindow | null; options: MessageBoxOptions }[] = []
  const dialog = {
    showMessageBox: async (first: BaseWindow | MessageBoxOptions, second?: MessageBoxOptions) => {
      shown.push(
        second
          ? { window: first as BaseWindow, options: second }
          : { window: null, options: first as MessageBoxOptions },
      )
      return { response, checkboxChecked: false }
    },
  } as unknown as Dialog
  return { dialog, shown }
}

describe('safeStorageCipher', () => {
  it('names the keyring by platform, and asks Electron only on Linux', () => {
    const storage = fakeSafeStorage('kwallet5')
    expect(safeStorageCipher(storage, 'darwin').backend()).toBe('keychain')
    expect(safeStorageCipher(storage, 'win32').backend()).toBe('dpapi')
    expect(safeStorageCipher(storage, 'linux').backend()).toBe('kwallet5')
  })

  it('encrypts and decrypts through safeStorage', () => {
    const cipher = safeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux')
    expect(cipher.isAvailable()).toBe(true)
    expect(cipher.decrypt(cipher.encrypt('token'))).toBe('token')
  })
})

describe('storageChoiceDialog', () => {
  const question = { host: 'chat.example.com', backend: 'basic_text', encryptionAvailable: true }

  it('keeps the session only unless the agent picks "Store anyway"', async () => {
    expect(await storageChoiceDialog(fakeDialog(0).dialog, () => null)(question)).toBe(
      'session-only',
    )
    expect(await storageChoiceDialog(fakeDialog(1).dialog, () => null)(question)).toBe(
      'store-anyway',
    )
  })

  it('explains the risk, defaults to the safe answer and attaches to the window', async () => {
    const { dialog, shown } = fakeDialog(0)
    const window = { id: 1 } as unknown as BaseWindow
    await storageChoiceDialog(dialog, () => window)(question)
    expect(shown).toHaveLength(1)
    const [{ window: parent, options } = { window: null, options: { message: '' } }] = shown
    expect(parent).toBe(window)
    expect(options).toMatchObject({
      buttons: ['Keep for this session only', 'Store anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'Keep your sign-in on this computer?',
    })
    expect(options.detail).toMatch(
      /no keyring Call Tray can use \(Electron selected "basic_text"\)/,
    )
    expect(options.detail).toMatch(/chat\.example\.com/)
  })

  it('says "without encryption" when nothing can encrypt', async () => {
    const { dialog, shown } = fakeDialog(0)
    await storageChoiceDialog(dialog, () => null)({ ...question, encryptionAvailable: false })
    expect(shown[0]?.options.detail).toMatch(/saved without encryption/)
  })
})
