// The one description of the settings: defaults, what a valid value is, and the
// shape of settings.json (which the credential vault shares). Reading the file,
// admin policies and `update()` all validate with these schemas.
import { z } from 'zod'
import type { SettingKey, Settings } from './settings-types'

/** Bump with a migration in settings-migrations.ts whenever the file's shape changes. */
export const SETTINGS_FILE_VERSION = 1

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: null,
  notifyOutgoingCalls: false,
  ringtone: { enabled: true, volume: 0.8 },
  pause: null,
  startAtLogin: false,
  pollFloorSeconds: 3,
}

export const SETTING_LABELS: Record<SettingKey, string> = {
  serverUrl: 'Server address',
  notifyOutgoingCalls: 'Notify for outgoing calls',
  ringtone: 'Ringtone',
  pause: 'Pause',
  startAtLogin: 'Start at login',
  pollFloorSeconds: 'Poll interval',
}

export const SETTING_KEYS = Object.keys(SETTING_LABELS) as SettingKey[]

const volume = z
  .number()
  .min(0, 'Ringtone volume must be between 0 and 1.')
  .max(1, 'Ringtone volume must be between 0 and 1.')

export const ringtoneSchema = z.strictObject({ enabled: z.boolean(), volume })

export const pollFloorSchema = z
  .number()
  .min(1, 'Poll interval must be between 1 and 60 seconds.')
  .max(60, 'Poll interval must be between 1 and 60 seconds.')

/** One schema per setting; `serverUrl` is the normalized base from parseServerUrl. */
export const settingSchemas = {
  serverUrl: z
    .string()
    .min(1, 'Enter the server address, or clear it.')
    .max(2048, 'The server address is too long.')
    .nullable(),
  notifyOutgoingCalls: z.boolean(),
  ringtone: ringtoneSchema,
  pause: z
    .strictObject({
      until: z.number().int().nonnegative('The end of the pause is not a valid time.').nullable(),
    })
    .nullable(),
  startAtLogin: z.boolean(),
  pollFloorSeconds: pollFloorSchema,
} satisfies { [K in SettingKey]: z.ZodType<Settings[K]> }

/**
 * What the agent chose: only the keys they changed. Keys left out follow the
 * built-in defaults or the administrator's, even if those change later.
 */
export const chosenSettingsSchema = z.strictObject(settingSchemas).partial()
export type ChosenSettings = z.infer<typeof chosenSettingsSchema>

/** settings.json. `credentials` belongs to main/session, which validates it itself. */
export const settingsDocumentSchema = z.looseObject({
  version: z.literal(SETTINGS_FILE_VERSION),
  settings: chosenSettingsSchema.optional(),
  credentials: z.record(z.string(), z.unknown()).optional(),
})
