// The DndProbe for this platform: child processes with a timeout (execFile, no shell)
// and one file read, through small ports so the logic is tested without them.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { NO_DND, type DndProbe, type DndReading } from '../alerting/ports'
import {
  freedesktopInhibited,
  gnomeBannersOff,
  macosFocusOn,
  reading,
  regDword,
} from './dnd-readers'

/** Runs a program; resolves with its output, or null when it failed or timed out. */
export type RunCommand = (file: string, args: string[]) => Promise<string | null>

export const COMMAND_TIMEOUT_MS = 2_000

export const runCommand: RunCommand = (file, args) =>
  new Promise((resolve) => {
    execFile(file, args, { timeout: COMMAND_TIMEOUT_MS, windowsHide: true }, (error, stdout) =>
      resolve(error ? null : stdout),
    )
  })

const NOTIFICATIONS_KEY =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings'
const PUSH_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\PushNotifications'

export interface DndProbeOptions {
  platform: NodeJS.Platform
  run: RunCommand
  readText(file: string): Promise<string | null>
  home: string
  /** Windows: the AppUserModelId toasts are tied to (app-id.ts). */
  appId: string
}

async function windows({ run, appId }: DndProbeOptions): Promise<DndReading> {
  const dword = async (key: string, name: string) => {
    const out = await run('reg', ['query', key, '/v', name])
    return out === null ? null : regDword(out, name)
  }
  const [quiet, toasts, app] = await Promise.all([
    // Windows 11's "Do not disturb" (and Windows 10's quiet hours) clear this value.
    dword(NOTIFICATIONS_KEY, 'NOC_GLOBAL_SETTING_TOASTS_ENABLED'),
    dword(PUSH_KEY, 'ToastEnabled'),
    dword(`${NOTIFICATIONS_KEY}\\${appId}`, 'Enabled'),
  ])
  return reading(quiet === 0, toasts === 0 || app === 0)
}

async function linux({ run }: DndProbeOptions): Promise<DndReading> {
  const [banners, inhibited] = await Promise.all([
    run('gsettings', ['get', 'org.gnome.desktop.notifications', 'show-banners']),
    run('gdbus', [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.Notifications',
      '--object-path',
      '/org/freedesktop/Notifications',
      '--method',
      'org.freedesktop.DBus.Properties.Get',
      'org.freedesktop.Notifications',
      'Inhibited',
    ]),
  ])
  const gnome = banners !== null && gnomeBannersOff(banners)
  const kde = inhibited !== null && freedesktopInhibited(inhibited)
  return reading(gnome || kde)
}

async function macos({ readText, home }: DndProbeOptions): Promise<DndReading> {
  const json = await readText(path.join(home, 'Library/DoNotDisturb/DB/Assertions.json'))
  return reading(json !== null && macosFocusOn(json))
}

export function createDndProbe(options: DndProbeOptions): DndProbe {
  const read =
    options.platform === 'win32'
      ? windows
      : options.platform === 'darwin'
        ? macos
        : options.platform === 'linux'
          ? linux
          : null
  return {
    async read() {
      if (!read) return NO_DND
      try {
        return await read(options)
      } catch {
        return NO_DND
      }
    },
  }
}

export const readTextOrNull = (file: string): Promise<string | null> =>
  readFile(file, 'utf8').catch(() => null)
