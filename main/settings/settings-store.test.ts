// The settings store on a real settings.json (through conf, which electron-store
// is built on): defaults, validation, restarts, corrupt files and admin locks.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openConfStore, recordingLog, temporaryFolder } from '../../test/session/support'
import { adminPolicy } from '../../test/support/policy'
import type { AdminPolicy } from './admin-policy'
import { openSettings } from './index'
import { MemoryKeyValueStore, type KeyValueStore } from './key-value-store'
import { DEFAULT_SETTINGS } from './settings-schema'
import { createSettingsStore } from './settings-store'
import type { Settings } from './settings-types'

const folders: (() => void)[] = []
afterEach(() => folders.splice(0).forEach((remove) => remove()))

function folder(): string {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  return dir
}

function open(dir: string, policy: AdminPolicy | null = null) {
  const log = recordingLog()
  const opened = openSettings({
    directory: dir,
    openStore: openConfStore,
    policy,
    log,
    now: () => 0,
  })
  return { ...opened, log }
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

describe('settings: values', () => {
  it('starts from the defaults with nothing locked', () => {
    const { settings } = open(folder())
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(settings.get()).toEqual({
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
    })
    expect([...settings.locked()]).toEqual([])
  })

  it('saves only what the agent changed, and it survives a restart', () => {
    const dir = folder()
    const first = open(dir).settings
    expect(first.update({ notifyOutgoingCalls: true, pollFloorSeconds: 10 }).ok).toBe(true)
    expect(
      first.update({ ringtone: { enabled: false, volume: 0.25 }, pause: { until: null } }).ok,
    ).toBe(true)
    const { settings, filePath } = open(dir)
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      notifyOutgoingCalls: true,
      pollFloorSeconds: 10,
      ringtone: { enabled: false, volume: 0.25 },
      pause: { until: null },
    })
    expect(readJson(filePath)).toEqual({
      version: 1,
      settings: {
        notifyOutgoingCalls: true,
        pollFloorSeconds: 10,
        ringtone: { enabled: false, volume: 0.25 },
        pause: { until: null },
      },
    })
  })

  it('normalizes the server address the way sign-in does', () => {
    const { settings } = open(folder())
    expect(settings.update({ serverUrl: '  chat.example.com/home ' })).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, serverUrl: 'https://chat.example.com' },
    })
    expect(settings.update({ serverUrl: null }).ok).toBe(true)
    expect(settings.get().serverUrl).toBeNull()
  })

  it.each<[string, unknown, RegExp]>([
    [
      'a poll floor under 1 s',
      { pollFloorSeconds: 0.5 },
      /Poll interval must be between 1 and 60 seconds/,
    ],
    [
      'a poll floor over 60 s',
      { pollFloorSeconds: 61 },
      /Poll interval must be between 1 and 60 seconds/,
    ],
    [
      'a poll floor that is not a number',
      { pollFloorSeconds: Number.NaN },
      /Poll interval: not a valid value/,
    ],
    [
      'a volume over 1',
      { ringtone: { enabled: true, volume: 2 } },
      /volume must be between 0 and 1/,
    ],
    [
      'a ringtone without its volume',
      { ringtone: { enabled: true } },
      /Ringtone: not a valid value/,
    ],
    ['a switch given as text', { startAtLogin: 'yes' }, /Start at login: not a valid value/],
    ['an unknown setting', { theme: 'dark' }, /Unknown setting: theme/],
    [
      'clear-text http to another computer',
      { serverUrl: 'http://chat.example.com' },
      /unencrypted/,
    ],
    ['something that is not a change', 'pollFloorSeconds=5', /could not be read/],
  ])('refuses %s with a sentence, changing nothing', (_case, patch, message) => {
    const { settings, filePath } = open(folder())
    expect(settings.update(patch as Partial<Settings>)).toEqual({
      ok: false,
      error: expect.stringMatching(message),
    })
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(readJson(filePath)).toEqual({ version: 1 })
  })

  it('hands out copies, so a caller cannot change the settings behind its back', () => {
    const { settings } = open(folder())
    settings.get().ringtone.volume = 0
    expect(settings.get().ringtone.volume).toBe(0.8)
  })

  it('tells listeners about real changes only, and lets them unsubscribe', () => {
    const { settings } = open(folder())
    const seen: Settings[] = []
    const stop = settings.onChange((value) => seen.push(value))
    settings.onChange(() => {
      throw new Error('a broken listener')
    })
    settings.update({ startAtLogin: true })
    settings.update({ startAtLogin: true })
    stop()
    settings.update({ startAtLogin: false })
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, startAtLogin: true }])
  })

  it('reports a write the disk refused and keeps the previous settings', () => {
    const store: KeyValueStore = {
      get: () => undefined,
      set: () => {
        throw new Error('ENOSPC: no space left on device')
      },
      delete: () => {},
    }
    const settings = createSettingsStore({ store, policy: null, log: recordingLog() })
    expect(settings.update({ startAtLogin: true })).toEqual({
      ok: false,
      error: 'The settings could not be saved (ENOSPC: no space left on device).',
    })
    expect(settings.get().startAtLogin).toBe(false)
  })
})

describe('settings: a damaged file', () => {
  it('backs up a corrupt settings.json, starts from defaults and writes a good file again', () => {
    const dir = folder()
    const file = path.join(dir, 'settings.json')
    writeFileSync(file, '{"version":1,"settings":{"pollFloorSeconds":')
    const { settings, log } = open(dir)
    expect(settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(readdirSync(dir).sort()).toEqual([
      'settings.json',
      'settings.json.corrupt-1970-01-01T00-00-00-000Z',
    ])
    expect(log.lines.join('\n')).toMatch(/not valid JSON/)
    expect(settings.update({ pollFloorSeconds: 5 }).ok).toBe(true)
    expect(open(dir).settings.get().pollFloorSeconds).toBe(5)
  })

  it('backs up a file with wrong types the same way', () => {
    const dir = folder()
    writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({ version: 1, settings: { ringtone: 'loud' } }),
    )
    expect(open(dir).settings.get()).toEqual(DEFAULT_SETTINGS)
    expect(readdirSync(dir)).toContain('settings.json.corrupt-1970-01-01T00-00-00-000Z')
  })

  it('keeps running in memory when the file cannot be opened at all', () => {
    const log = recordingLog()
    const { settings, store } = openSettings({
      directory: folder(),
      openStore: () => {
        throw new Error('EACCES: permission denied')
      },
      policy: null,
      log,
    })
    expect(store).toBeInstanceOf(MemoryKeyValueStore)
    expect(settings.update({ startAtLogin: true }).ok).toBe(true)
    expect(log.lines.at(-1)).toMatch(/kept in memory only/)
  })
})

describe('settings: the administrator’s policy', () => {
  const corporate = {
    serverUrl: 'chat.corp.example',
    locked: ['serverUrl', 'startAtLogin'],
    startAtLogin: true,
    pollFloorSeconds: 5,
    ringtone: { volumePercent: 50 },
  }

  it('presets the server and defaults and lists the locks', () => {
    const { settings } = open(folder(), adminPolicy(corporate))
    expect(settings.get()).toEqual({
      ...DEFAULT_SETTINGS,
      serverUrl: 'https://chat.corp.example',
      startAtLogin: true,
      pollFloorSeconds: 5,
      ringtone: { enabled: true, volume: 0.5 },
    })
    expect([...settings.locked()].sort()).toEqual(['serverUrl', 'startAtLogin'])
  })

  it('refuses to change a locked setting, but accepts restating its value', () => {
    const { settings, filePath } = open(folder(), adminPolicy(corporate))
    expect(settings.update({ startAtLogin: false })).toEqual({
      ok: false,
      error: 'Start at login is set by your administrator and cannot be changed.',
    })
    expect(settings.update({ serverUrl: 'https://chat.example.com' })).toEqual({
      ok: false,
      error: 'Server address is set by your administrator and cannot be changed.',
    })
    expect(
      settings.update({ serverUrl: 'https://chat.corp.example/', startAtLogin: true }).ok,
    ).toBe(true)
    expect(readJson(filePath)).toEqual({ version: 1 })
  })

  it('lets the agent change what is only a preset', () => {
    const { settings } = open(folder(), adminPolicy(corporate))
    expect(settings.update({ pollFloorSeconds: 2 }).ok).toBe(true)
    expect(settings.get().pollFloorSeconds).toBe(2)
  })

  it('wins over a value the agent saved before the setting was locked', () => {
    const dir = folder()
    open(dir).settings.update({ startAtLogin: false, serverUrl: 'https://chat.example.com' })
    const { settings } = open(dir, adminPolicy(corporate))
    expect(settings.get().startAtLogin).toBe(true)
    expect(settings.get().serverUrl).toBe('https://chat.corp.example')
  })

  it('applies a changed preset to settings the agent never touched', () => {
    const dir = folder()
    open(dir, adminPolicy(corporate)).settings.update({ notifyOutgoingCalls: true })
    const { settings } = open(dir, adminPolicy({ ...corporate, pollFloorSeconds: 8 }))
    expect(settings.get().pollFloorSeconds).toBe(8)
    expect(settings.get().notifyOutgoingCalls).toBe(true)
  })
})

describe('settings: ringing', () => {
  it('takes the ringer device and the escalation from the administrator, as presets', () => {
    const settings = createSettingsStore({
      store: new MemoryKeyValueStore(),
      policy: {
        source: 'test policy',
        serverUrl: null,
        locked: new Set(['escalation']),
        defaults: {
          ringOn: { deviceId: '', label: 'Speakers (Realtek Audio)' },
          escalation: { afterSeconds: 20 },
        },
      },
      log: recordingLog(),
    })
    expect(settings.get().ringOn).toEqual({ deviceId: '', label: 'Speakers (Realtek Audio)' })
    expect(settings.get().escalation).toEqual({
      afterSeconds: 20,
      flashTaskbar: true,
      showWindow: true,
      fullVolume: true,
    })
    expect(settings.update({ ringOn: { deviceId: 'headset-1', label: 'Headset' } }).ok).toBe(true)
    expect(
      settings.update({ escalation: { ...settings.get().escalation, afterSeconds: 5 } }),
    ).toMatchObject({ ok: false })
  })

  it('refuses an escalation delay or a shortcut out of range', () => {
    const settings = createSettingsStore({
      store: new MemoryKeyValueStore(),
      policy: null,
      log: recordingLog(),
    })
    const escalation = { afterSeconds: 1, flashTaskbar: true, showWindow: true, fullVolume: true }
    expect(settings.update({ escalation })).toEqual({
      ok: false,
      error: 'Escalate after between 3 and 120 seconds.',
    })
    expect(
      settings.update({ globalShortcut: { enabled: true, accelerator: 'rm -rf' } }),
    ).toMatchObject({ ok: false })
  })
})

describe('settings: the language', () => {
  it('keeps a language the agent chose across a restart, and refuses one Call Tray lacks', () => {
    const dir = folder()
    const first = open(dir).settings
    expect(first.update({ language: 'es' }).ok).toBe(true)
    expect(first.update({ language: 'it' as Settings['language'] })).toEqual({
      ok: false,
      error: 'Language: not a valid value.',
    })
    expect(open(dir).settings.get().language).toBe('es')
  })

  it('reads a settings.json written before the setting existed as following the system', () => {
    const dir = folder()
    const { filePath } = open(dir)
    writeFileSync(filePath, JSON.stringify({ version: 1, settings: { startAtLogin: true } }))
    const { settings } = open(dir)
    expect(settings.get()).toMatchObject({ startAtLogin: true, language: 'system' })
  })

  it('takes the administrator’s language as a preset, or as the only choice when locked', () => {
    expect(open(folder(), adminPolicy({ language: 'fr' })).settings.get().language).toBe('fr')
    const locked = open(folder(), adminPolicy({ language: 'de', locked: ['language'] })).settings
    expect(locked.get().language).toBe('de')
    expect(locked.update({ language: 'en' })).toEqual({
      ok: false,
      error: 'Language is set by your administrator and cannot be changed.',
    })
  })
})
