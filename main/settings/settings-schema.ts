// The one description of the settings: defaults, what a valid value is, and the
// shape of settings.json (which the credential vault shares). Reading the file,
// admin policies and `update()` all validate with these schemas.
import { z } from 'zod'
import { LANGUAGE_CHOICES } from '../../common/i18n/locales'
import type { SettingKey, Settings } from './settings-types'

/**
 * Bump with a migration in settings-migrations.ts whenever the file's shape changes.
 * A new optional key is no change: an older file simply lacks it and gets the default.
 */
export const SETTINGS_FILE_VERSION = 1

export const DEFAULT_SETTINGS: Settings = {
  serverUrl: null,
  notifyOutgoingCalls: false,
  ringtone: { enabled: true, volume: 0.8 },
  pause: null,
  startAtLogin: false,
  pollFloorSeconds: 3,
  ringOn: null,
  alsoRingOn: null,
  callWaitingTone: true,
  escalation: { afterSeconds: 10, flashTaskbar: true, showWindow: true, fullVolume: true },
  breakThroughDnd: true,
  globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Alt+Shift+K' },
  language: 'system',
}

export const SETTING_LABELS: Record<SettingKey, string> = {
  serverUrl: 'Server address',
  notifyOutgoingCalls: 'Notify for outgoing calls',
  ringtone: 'Ringtone',
  pause: 'Pause',
  startAtLogin: 'Start at login',
  pollFloorSeconds: 'Poll interval',
  ringOn: 'Ring on',
  alsoRingOn: 'Also ring on',
  callWaitingTone: 'Call-waiting tone during a call',
  escalation: 'Escalation of unanswered calls',
  breakThroughDnd: 'Calls break through Do Not Disturb',
  globalShortcut: 'Global shortcut',
  language: 'Language',
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

export const audioOutputSchema = z.strictObject({
  deviceId: z.string().max(512, 'That audio device id is too long.'),
  label: z.string().max(256, 'That audio device name is too long.'),
})

export const escalationSchema = z.strictObject({
  afterSeconds: z
    .number()
    .int()
    .min(3, 'Escalate after between 3 and 120 seconds.')
    .max(120, 'Escalate after between 3 and 120 seconds.'),
  flashTaskbar: z.boolean(),
  showWindow: z.boolean(),
  fullVolume: z.boolean(),
})

/** Electron accelerators: modifiers and one key joined by "+", e.g. CommandOrControl+Alt+K. */
export const acceleratorSchema = z
  .string()
  .max(64, 'The shortcut is too long.')
  .regex(
    /^([A-Za-z]+\+)+[A-Za-z0-9]+$/,
    'The shortcut must be modifiers and a key, e.g. Ctrl+Alt+K.',
  )

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
  ringOn: audioOutputSchema.nullable(),
  alsoRingOn: audioOutputSchema.nullable(),
  callWaitingTone: z.boolean(),
  escalation: escalationSchema,
  breakThroughDnd: z.boolean(),
  globalShortcut: z.strictObject({ enabled: z.boolean(), accelerator: acceleratorSchema }),
  language: z.enum(LANGUAGE_CHOICES),
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
