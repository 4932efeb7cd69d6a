// Start at login: the login item API on macOS and Windows, an XDG autostart entry on
// Linux (Electron's login item API does nothing there).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { App } from 'electron'
import type { Autostart } from '../app/ports'
import { autostartEntryPath, desktopEntry, execCommandProblem } from './desktop-entry'

export interface AutostartOptions {
  platform: NodeJS.Platform
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>
  /** Linux: $XDG_CONFIG_HOME, else ~/.config. */
  configHome: string
  /** Linux: the command that starts the app (an AppImage, or electron plus the app folder in development). */
  command: readonly string[]
}

export function createAutostart(options: AutostartOptions): Autostart {
  if (options.platform === 'darwin' || options.platform === 'win32') {
    return {
      isEnabled: async () => options.app.getLoginItemSettings().openAtLogin,
      setEnabled: async (enabled) => options.app.setLoginItemSettings({ openAtLogin: enabled }),
    }
  }
  const file = autostartEntryPath(options.configHome)
  const { command } = options
  return {
    // Enabled means our entry, with this command: a moved AppImage gets a fresh one.
    isEnabled: async () =>
      execCommandProblem(command) === null &&
      (await readFile(file, 'utf8').catch(() => null)) === desktopEntry(command),
    async setEnabled(enabled) {
      if (!enabled) return rm(file, { force: true })
      // Throws for a command no entry can carry; the caller logs why.
      const entry = desktopEntry(command)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, entry, { mode: 0o644 })
    },
  }
}
