// The settings the app runs with: built-in defaults, then the administrator's
// presets, then what the agent chose, then the administrator's locks on top.
// Only the agent's own choices are written to settings.json, so a policy that
// changes later still applies to everything the agent never touched.
import { isDeepStrictEqual } from 'node:util'
import type { z } from 'zod'
import { parseServerUrl } from '../core/server-url'
import type { Logger } from '../session/session-types'
import type { AdminPolicy } from './admin-policy'
import type { KeyValueStore } from './key-value-store'
import {
  chosenSettingsSchema,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_LABELS,
  type ChosenSettings,
} from './settings-schema'
import type { SettingKey, Settings, SettingsStore } from './settings-types'

const SETTINGS_KEY = 'settings'

export interface SettingsStoreOptions {
  store: KeyValueStore
  policy: AdminPolicy | null
  log: Logger
}

type UpdateResult = ReturnType<SettingsStore['update']>

export function createSettingsStore({ store, policy, log }: SettingsStoreOptions): SettingsStore {
  const presets = presetsFrom(policy)
  const locked: ReadonlySet<SettingKey> = new Set(policy?.locked ?? [])
  const listeners = new Set<(settings: Settings) => void>()
  let chosen = readChosen(store, log)
  let current = effective(presets, chosen, locked)

  function update(patch: Partial<Settings>): UpdateResult {
    const checked = checkPatch(patch)
    if (!checked.ok) return checked
    const refused = lockedChange(checked.value, current, locked)
    if (refused) {
      const error = `${SETTING_LABELS[refused]} is set by your administrator and cannot be changed.`
      return { ok: false, error }
    }
    const next: ChosenSettings = { ...chosen, ...withoutKeys(checked.value, locked) }
    if (isDeepStrictEqual(next, chosen)) return { ok: true, value: structuredClone(current) }
    try {
      store.set(SETTINGS_KEY, next)
    } catch (error) {
      return { ok: false, error: `The settings could not be saved (${describe(error)}).` }
    }
    chosen = next
    const previous = current
    current = effective(presets, chosen, locked)
    if (!isDeepStrictEqual(previous, current)) notify(current)
    return { ok: true, value: structuredClone(current) }
  }

  function notify(settings: Settings): void {
    for (const listener of [...listeners]) {
      try {
        listener(structuredClone(settings))
      } catch (error) {
        log.warn(`A settings listener failed: ${describe(error)}`)
      }
    }
  }

  return {
    get: () => structuredClone(current),
    locked: () => locked,
    update,
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Built-in defaults with the administrator's presets applied. */
function presetsFrom(policy: AdminPolicy | null): Settings {
  const defaults = policy?.defaults ?? {}
  return {
    ...DEFAULT_SETTINGS,
    ...(defaults.notifyOutgoingCalls !== undefined && {
      notifyOutgoingCalls: defaults.notifyOutgoingCalls,
    }),
    ...(defaults.startAtLogin !== undefined && { startAtLogin: defaults.startAtLogin }),
    ...(defaults.pollFloorSeconds !== undefined && { pollFloorSeconds: defaults.pollFloorSeconds }),
    ...(defaults.ringOn !== undefined && { ringOn: defaults.ringOn }),
    ...(defaults.language !== undefined && { language: defaults.language }),
    ringtone: { ...DEFAULT_SETTINGS.ringtone, ...defaults.ringtone },
    escalation: { ...DEFAULT_SETTINGS.escalation, ...defaults.escalation },
    serverUrl: policy?.serverUrl ?? DEFAULT_SETTINGS.serverUrl,
  }
}

function effective(
  presets: Settings,
  chosen: ChosenSettings,
  locked: ReadonlySet<SettingKey>,
): Settings {
  const settings = structuredClone(presets)
  for (const key of SETTING_KEYS) {
    if (!locked.has(key) && Object.hasOwn(chosen, key)) {
      ;(settings as Record<SettingKey, unknown>)[key] = structuredClone(chosen[key])
    }
  }
  return settings
}

function readChosen(store: KeyValueStore, log: Logger): ChosenSettings {
  const raw = store.get(SETTINGS_KEY)
  if (raw === undefined) return {}
  const parsed = chosenSettingsSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  // settings-file.ts checked the file before it was opened; this is a last line of defence.
  log.warn('Saved settings did not validate; using defaults.')
  return {}
}

type Checked = { ok: true; value: ChosenSettings } | { ok: false; error: string }

/** Parses a patch (it may come from the renderer) and normalizes the server address. */
function checkPatch(patch: unknown): Checked {
  const parsed = chosenSettingsSchema.safeParse(patch)
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]) }
  const value = parsed.data
  if (typeof value.serverUrl === 'string') {
    const server = parseServerUrl(value.serverUrl)
    if (!server.ok) return { ok: false, error: server.error }
    value.serverUrl = server.value.base
  }
  return { ok: true, value }
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue?.code === 'unrecognized_keys') return `Unknown setting: ${issue.keys.join(', ')}.`
  const key = issue?.path[0] as SettingKey | undefined
  const label = key && SETTING_LABELS[key]
  if (!issue || !label) return 'The settings change could not be read.'
  // Range messages are written out in settings-schema.ts; the rest are zod's own jargon.
  const ranged = issue.code === 'too_small' || issue.code === 'too_big'
  return ranged ? issue.message : `${label}: not a valid value.`
}

/** A locked setting the patch would really change; restating its value is fine. */
function lockedChange(
  patch: ChosenSettings,
  current: Settings,
  locked: ReadonlySet<SettingKey>,
): SettingKey | undefined {
  return SETTING_KEYS.find(
    (key) =>
      locked.has(key) && Object.hasOwn(patch, key) && !isDeepStrictEqual(patch[key], current[key]),
  )
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function withoutKeys(settings: ChosenSettings, keys: ReadonlySet<SettingKey>): ChosenSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([key]) => !keys.has(key as SettingKey)),
  )
}
