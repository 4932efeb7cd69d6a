// settings.json through electron-store, as the app opens it. electron-store loads
// `electron` when imported, so only main/session/index.ts imports this file.
import ElectronStore, { type Options } from 'electron-store'
import type { KeyValueStore } from './key-value-store'
import type { SettingsFileOptions } from './settings-file-options'

type Document = Record<string, unknown>

export function openElectronSettingsStore(options: SettingsFileOptions): KeyValueStore {
  const { configName, ...rest } = options
  // electron-store names the file with `name` and would overwrite a `configName`.
  const storeOptions = { ...rest, name: configName } as Options<Document>
  return new ElectronStore<Document>(storeOptions)
}
