// macOS: the preferences an MDM configuration profile forces for our bundle id. The
// profile's payload lands in /Library/Managed Preferences/<bundle id>.plist (for the
// device) and /Library/Managed Preferences/<user>/<bundle id>.plist (for one user),
// which only root writes. We read those files, not NSUserDefaults: Electron's
// systemPreferences.getUserDefault composites every domain, including the user's own
// ~/Library/Preferences (`defaults write com.calltray.app serverUrl …`), and Electron
// offers no CFPreferencesAppValueIsForced to tell forced values apart. Reading the
// files also works in the headless runner, which has no Electron.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { err, ok } from '../core/result'
import type { PolicySource } from './resolve-policy'
import { readTrustedFile, type PolicyFileSystem } from './trusted-file'

export const BUNDLE_ID = 'com.calltray.app'
const MANAGED_PREFERENCES = '/Library/Managed Preferences'

export function managedPreferencesFiles(userName: string): string[] {
  return [
    path.posix.join(MANAGED_PREFERENCES, `${BUNDLE_ID}.plist`),
    path.posix.join(MANAGED_PREFERENCES, userName, `${BUNDLE_ID}.plist`),
  ]
}

/** Turns a (binary or XML) property list into JSON text. */
export type PlistToJson = (filePath: string) => Promise<string>

export function managedPreferencesSource(
  filePath: string,
  fs: PolicyFileSystem,
  toJson: PlistToJson,
): PolicySource {
  return {
    label: filePath,
    async read() {
      const trusted = await readTrustedFile(filePath, fs)
      if (!trusted.ok || trusted.value === null) return trusted
      let text: string
      try {
        text = await toJson(filePath)
      } catch (error) {
        return err(
          `not a readable property list (${error instanceof Error ? error.message : String(error)})`,
        )
      }
      try {
        return ok(JSON.parse(text) as unknown)
      } catch {
        return err('not a property list of plain values')
      }
    },
  }
}

/** plutil ships with macOS and reads both plist encodings; dates and data fail, as they should. */
export const plutilToJson: PlistToJson = (filePath) =>
  new Promise((resolve, reject) => {
    execFile(
      '/usr/bin/plutil',
      ['-convert', 'json', '-o', '-', '--', filePath],
      { encoding: 'utf8', timeout: 10_000, maxBuffer: 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(stderr.trim() || error.message)) : resolve(stdout),
    )
  })
