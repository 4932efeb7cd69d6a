import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { App, LoginItemSettings, Settings } from 'electron'
import { createAutostart } from './autostart'

let folder: string | null = null
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
  folder = null
})

function loginItems() {
  let openAtLogin = false
  const app = {
    getLoginItemSettings: () => ({ openAtLogin }) as LoginItemSettings,
    setLoginItemSettings: (settings: Settings) => {
      openAtLogin = settings.openAtLogin ?? false
    },
  } as Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>
  return app
}

describe('createAutostart', () => {
  it('writes and removes the XDG entry on Linux', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'call-tray-autostart-'))
    const autostart = createAutostart({
      platform: 'linux',
      app: loginItems(),
      configHome: folder,
      command: ['/opt/call-tray.AppImage'],
    })
    expect(await autostart.isEnabled()).toBe(false)
    await autostart.setEnabled(true)
    const file = path.join(folder, 'autostart', 'com.calltray.app.desktop')
    expect(await readFile(file, 'utf8')).toContain('Exec="/opt/call-tray.AppImage"')
    expect(await autostart.isEnabled()).toBe(true)
    await autostart.setEnabled(false)
    expect(await autostart.isEnabled()).toBe(false)
    await autostart.setEnabled(false)
  })

  it('counts an entry for another command as not enabled (a moved AppImage)', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'call-tray-autostart-'))
    const before = createAutostart({
      platform: 'linux',
      app: loginItems(),
      configHome: folder,
      command: ['/old/place'],
    })
    await before.setEnabled(true)
    const after = createAutostart({
      platform: 'linux',
      app: loginItems(),
      configHome: folder,
      command: ['/new/place'],
    })
    expect(await after.isEnabled()).toBe(false)
  })

  it('refuses to write an entry for a path with a newline, saying why', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'call-tray-autostart-'))
    const autostart = createAutostart({
      platform: 'linux',
      app: loginItems(),
      configHome: folder,
      command: ['/tmp/x\nExec=/tmp/evil'],
    })
    await expect(autostart.setEnabled(true)).rejects.toThrow(/control character/)
    expect(await readdir(folder)).toEqual([])
    expect(await autostart.isEnabled()).toBe(false)
  })

  it('uses login items on macOS and Windows', async () => {
    const app = loginItems()
    for (const platform of ['darwin', 'win32'] as const) {
      const autostart = createAutostart({ platform, app, configHome: '/unused', command: [] })
      await autostart.setEnabled(true)
      expect(await autostart.isEnabled()).toBe(true)
      await autostart.setEnabled(false)
      expect(await autostart.isEnabled()).toBe(false)
    }
  })
})
