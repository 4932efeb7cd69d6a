// What each desktop says about Do Not Disturb, parsed defensively from commands that
// need no native module. Anything unreadable means "not set": a probe must never be
// the reason a call goes unannounced. What cannot be read without native code:
// Windows Focus Assist's automatic rules (a binary CloudStore blob), macOS per-app
// notification permission, GNOME per-app switches under other app ids.
import type { DndReading } from '../alerting/ports'

/** `gsettings get org.gnome.desktop.notifications show-banners` prints `true` or `false`. */
export function gnomeBannersOff(stdout: string): boolean {
  return stdout.trim() === 'false'
}

/** `gdbus call … Properties.Get org.freedesktop.Notifications Inhibited` prints `(<true>,)`. */
export function freedesktopInhibited(stdout: string): boolean {
  return /^\(<\s*true\s*>,?\)$/.test(stdout.trim())
}

/** A REG_DWORD from `reg query <key> /v <name>`: `    <name>    REG_DWORD    0x0`. */
export function regDword(stdout: string, name: string): number | null {
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+REG_DWORD\s+0x([0-9a-f]+)\s*$/i.exec(line)
    if (match?.[1] === name && match[2] !== undefined) return Number.parseInt(match[2], 16)
  }
  return null
}

/**
 * macOS 12+ keeps active Focus assertions in ~/Library/DoNotDisturb/DB/Assertions.json:
 * `{"data":[{"storeAssertionRecords":[…]}]}`; any record means a Focus is on.
 */
export function macosFocusOn(json: string): boolean {
  try {
    const document = JSON.parse(json) as { data?: { storeAssertionRecords?: unknown[] }[] }
    return (document.data ?? []).some((entry) => (entry.storeAssertionRecords ?? []).length > 0)
  } catch {
    return false
  }
}

export function reading(doNotDisturb: boolean, notificationsBlocked = false): DndReading {
  return { doNotDisturb, notificationsBlocked }
}
