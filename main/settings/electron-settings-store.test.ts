// The real electron-store, as the app opens settings.json. Electron cannot run
// here, and vi.mock does not reach into node_modules (electron-store is not inlined),
// so the `electron` package is pointed at a build that does not exist
// (ELECTRON_OVERRIDE_DIST_PATH, Electron's documented switch): it then exports just
// a path, no `app`, and electron-store works from the absolute folder it is given.
import { statSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { temporaryFolder } from '../../test/session/support'
import { openElectronSettingsStore } from './electron-settings-store'
import { settingsFileOptions } from './settings-file-options'

vi.hoisted(() => {
  process.env['ELECTRON_OVERRIDE_DIST_PATH'] = '/nonexistent/electron-dist'
})

const folders: (() => void)[] = []
afterEach(() => folders.splice(0).forEach((remove) => remove()))

function open() {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  return { dir, store: openElectronSettingsStore(settingsFileOptions(dir)) }
}

describe('openElectronSettingsStore', () => {
  it('writes settings.json with its version, readable by the agent only', () => {
    const { dir, store } = open()
    store.set('settings', { startAtLogin: true })
    expect(store.get('settings')).toEqual({ startAtLogin: true })
    expect(store.get('version')).toBe(1)
    const file = path.join(dir, 'settings.json')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('enforces the schema generated from the zod one on every write', () => {
    const { store } = open()
    expect(() => store.set('settings', { pollFloorSeconds: 0 })).toThrow(/pollFloorSeconds/)
    expect(() => store.set('settings', { theme: 'dark' })).toThrow(/additional/)
    expect(() => store.set('version', 2)).toThrow(/version/)
    expect(store.get('settings')).toBeUndefined()
  })

  it('keeps the credentials entry as an opaque object', () => {
    const { store } = open()
    store.set('credentials', { format: 1, secret: 'c2VhbGVk' })
    store.delete('credentials')
    expect(store.get('credentials')).toBeUndefined()
  })
})
