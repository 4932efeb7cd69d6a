// How electron-store (or conf, in tests) is set up for settings.json. The JSON
// Schema it enforces on every write is generated from the zod schema, so the two
// validators cannot drift apart.
import path from 'node:path'
import { z } from 'zod'
import { SETTINGS_FILE_VERSION, settingsDocumentSchema } from './settings-schema'

export const SETTINGS_FILE_NAME = 'settings'

/** The options conf's constructor takes; electron-store takes them with `name` for `configName`. */
export interface SettingsFileOptions {
  cwd: string
  configName: string
  fileExtension: 'json'
  defaults: Record<string, unknown>
  schema: Record<string, Record<string, unknown>>
  rootSchema: { required: string[] }
  configFileMode: number
  clearInvalidConfig: false
  accessPropertiesByDotNotation: false
  watch: false
}

export function settingsFileOptions(directory: string): SettingsFileOptions {
  const generated = z.toJSONSchema(settingsDocumentSchema, { io: 'input' })
  return {
    cwd: directory,
    configName: SETTINGS_FILE_NAME,
    fileExtension: 'json',
    defaults: { version: SETTINGS_FILE_VERSION },
    schema: (generated.properties ?? {}) as Record<string, Record<string, unknown>>,
    rootSchema: { required: ['version'] },
    // The file holds the encrypted token: readable by the agent's account only.
    configFileMode: 0o600,
    // settings-file.ts moves a bad file aside first; never let conf wipe one silently.
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  }
}

export function settingsFilePath(directory: string): string {
  return path.join(directory, `${SETTINGS_FILE_NAME}.json`)
}
