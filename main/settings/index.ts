// Opens settings.json for the app: make the file safe, open it with the store the
// caller provides (electron-store in the app, conf in tests), and build the
// SettingsStore over it. Never throws: the worst case is settings kept in memory.
import type { Logger } from '../session/session-types'
import type { AdminPolicy } from './admin-policy'
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store'
import { moveAsideAsCorrupt, prepareSettingsFile } from './settings-file'
import {
  settingsFileOptions,
  settingsFilePath,
  type SettingsFileOptions,
} from './settings-file-options'
import { createSettingsStore } from './settings-store'
import type { SettingsStore } from './settings-types'

export { adminPolicyFrom } from './admin-policy'
export type { AdminPolicy, PolicyDefaults } from './admin-policy'
export type { KeyValueStore } from './key-value-store'
export { DEFAULT_SETTINGS, SETTING_LABELS } from './settings-schema'
export { settingsFileOptions, type SettingsFileOptions } from './settings-file-options'

export interface OpenSettingsOptions {
  /** The folder settings.json lives in (`app.getPath('userData')`). */
  directory: string
  /** Opens the file: `openElectronSettingsStore` in the app, conf in tests. */
  openStore: (options: SettingsFileOptions) => KeyValueStore
  policy: AdminPolicy | null
  log: Logger
  now?: () => number
}

export interface OpenedSettings {
  settings: SettingsStore
  /** The same file, for the credential vault's `credentials` entry. */
  store: KeyValueStore
  filePath: string
}

export function openSettings(options: OpenSettingsOptions): OpenedSettings {
  const filePath = settingsFilePath(options.directory)
  const fileOptions = { now: options.now ?? Date.now, log: options.log }
  prepareSettingsFile(filePath, fileOptions)
  const store = openOrFallBack(options, filePath, (reason) =>
    moveAsideAsCorrupt(filePath, reason, fileOptions),
  )
  return {
    settings: createSettingsStore({ store, policy: options.policy, log: options.log }),
    store,
    filePath,
  }
}

function openOrFallBack(
  options: OpenSettingsOptions,
  filePath: string,
  moveAside: (reason: string) => void,
): KeyValueStore {
  const storeOptions = settingsFileOptions(options.directory)
  try {
    return options.openStore(storeOptions)
  } catch (first) {
    // The file changed between the check and the open, or electron-store's own schema
    // check disagrees: move it aside and try once more on a fresh file.
    moveAside(describe(first))
  }
  try {
    return options.openStore(storeOptions)
  } catch (second) {
    options.log.warn(
      `Settings file ${filePath} cannot be opened (${describe(second)}); settings are kept in memory only.`,
    )
    return new MemoryKeyValueStore()
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
