// Where the Electron binary is, found the way `require('electron')` finds it but
// without its side effect: requiring the package downloads the binary when it is
// missing, and a machine without it (CI here) must skip, not hang on a download.
import { accessSync, constants, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_DIR = fileURLToPath(new URL('../../node_modules/electron/', import.meta.url))

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string }

export function findElectronBinary(): ElectronBinary {
  let relative: string
  try {
    relative = readFileSync(path.join(PACKAGE_DIR, 'path.txt'), 'utf8').trim()
  } catch {
    return {
      ok: false,
      reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)',
    }
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? path.join(override, relative) : path.join(PACKAGE_DIR, 'dist', relative)
  try {
    accessSync(binary, constants.X_OK)
  } catch {
    return { ok: false, reason: `the Electron binary ${binary} is missing or not executable` }
  }
  return { ok: true, path: binary }
}
