// User settings as the rest of the app sees them. main/settings implements the
// store (electron-store with a schema, migrations, corrupt-file recovery and the
// admin policy file that can preset and lock values).
import type { LanguageSetting } from '../../common/i18n/locales'

export interface Settings {
  serverUrl: string | null
  notifyOutgoingCalls: boolean
  ringtone: { enabled: boolean; volume: number }
  /** Null when not paused; `until` is epoch ms, or null for "until resumed". */
  pause: { until: number | null } | null
  startAtLogin: boolean
  /** Shortest time between polls in seconds; the server's rate budget still wins. */
  pollFloorSeconds: number
  /** The output the ringtone plays on; null: the system default (main/alerting). */
  ringOn: AudioOutputChoice | null
  /** A second output that rings too, typically the speakers while a headset is chosen. */
  alsoRingOn: AudioOutputChoice | null
  /** During an active call a new call plays a short, soft tone instead of the ringtone. */
  callWaitingTone: boolean
  /** What happens when a call is still ringing after `afterSeconds`. */
  escalation: EscalationSettings
  /** The ringtone and the window still come while the OS is in Do Not Disturb. */
  breakThroughDnd: boolean
  /** A system-wide key that shows the window with the ringing call focused. */
  globalShortcut: { enabled: boolean; accelerator: string }
  /** The language Call Tray speaks: 'system' follows the system's preferred languages. */
  language: LanguageSetting
}

/** An output by id, and by label so a device whose id changed is still found. */
export interface AudioOutputChoice {
  deviceId: string
  label: string
}

export interface EscalationSettings {
  afterSeconds: number
  flashTaskbar: boolean
  showWindow: boolean
  fullVolume: boolean
}

export type SettingKey = keyof Settings

export interface SettingsStore {
  get(): Settings
  /** Which settings the administrator's policy file locked. */
  locked(): ReadonlySet<SettingKey>
  update(patch: Partial<Settings>): { ok: true; value: Settings } | { ok: false; error: string }
  onChange(listener: (settings: Settings) => void): () => void
}
