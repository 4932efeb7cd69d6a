// User settings as the rest of the app sees them. main/settings implements the
// store (electron-store with a schema, migrations, corrupt-file recovery and the
// admin policy file that can preset and lock values).

export interface Settings {
  serverUrl: string | null
  notifyOutgoingCalls: boolean
  ringtone: { enabled: boolean; volume: number }
  /** Null when not paused; `until` is epoch ms, or null for "until resumed". */
  pause: { until: number | null } | null
  startAtLogin: boolean
  /** Shortest time between polls in seconds; the server's rate budget still wins. */
  pollFloorSeconds: number
}

export type SettingKey = keyof Settings

export interface SettingsStore {
  get(): Settings
  /** Which settings the administrator's policy file locked. */
  locked(): ReadonlySet<SettingKey>
  update(patch: Partial<Settings>): { ok: true; value: Settings } | { ok: false; error: string }
  onChange(listener: (settings: Settings) => void): () => void
}
