// Upgrades settings.json from older shapes, one version at a time, before it is
// validated. Keyed by the file's own `version` field rather than by app version
// (conf's `migrations`), so a file always says which shape it is in.
import { parseServerUrl } from '../core/server-url'
import { err, ok, type Result } from '../core/result'
import { DEFAULT_SETTINGS, SETTINGS_FILE_VERSION } from './settings-schema'

type Document = Record<string, unknown>

/**
 * Version 0, the 0.0.x prototype: flat keys, no `version`, the volume in percent,
 * the server as typed, and the login token in clear text:
 * `{ "server": "chat.example.com", "notifyOutgoing": true, "ringtoneEnabled": true,
 *    "ringtoneVolume": 80, "pollIntervalSeconds": 5, "launchAtLogin": false,
 *    "userId": "...", "authToken": "..." }`
 * Values that cannot be read are dropped (the default applies), and so are the clear
 * credentials: the agent signs in once more and the token is then stored encrypted.
 */
function fromV0(old: Document): Document {
  const settings: Document = {}
  if (typeof old['server'] === 'string') {
    const server = parseServerUrl(old['server'])
    if (server.ok) settings['serverUrl'] = server.value.base
  }
  if (typeof old['notifyOutgoing'] === 'boolean')
    settings['notifyOutgoingCalls'] = old['notifyOutgoing']
  const enabled = old['ringtoneEnabled']
  const percent = old['ringtoneVolume']
  if (typeof enabled === 'boolean' || typeof percent === 'number') {
    settings['ringtone'] = {
      enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS.ringtone.enabled,
      volume:
        typeof percent === 'number' && Number.isFinite(percent)
          ? clamp(percent / 100, 0, 1)
          : DEFAULT_SETTINGS.ringtone.volume,
    }
  }
  const interval = old['pollIntervalSeconds']
  if (typeof interval === 'number' && Number.isFinite(interval)) {
    settings['pollFloorSeconds'] = clamp(interval, 1, 60)
  }
  if (typeof old['launchAtLogin'] === 'boolean') settings['startAtLogin'] = old['launchAtLogin']
  return { version: 1, settings }
}

/** migrations[n] turns a version-n document into a version-(n+1) one. */
const MIGRATIONS: ((document: Document) => Document)[] = [fromV0]

export interface Migrated {
  document: Document
  /** The version the file was in; equal to SETTINGS_FILE_VERSION when nothing changed. */
  from: number
}

export function migrateSettingsDocument(document: Document): Result<Migrated, string> {
  const version = document['version'] ?? 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return err(`its version (${JSON.stringify(version)}) is not one Call Tray knows`)
  }
  if (version > SETTINGS_FILE_VERSION) {
    return err(`it was written by a newer Call Tray (settings version ${version})`)
  }
  let current = document
  for (let step = version; step < SETTINGS_FILE_VERSION; step++) {
    const migrate = MIGRATIONS[step]
    if (!migrate) return err(`there is no migration from settings version ${step}`)
    current = migrate(current)
  }
  return ok({ document: current, from: version })
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}
