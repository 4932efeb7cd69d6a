// electron-builder.yml as electron-builder reads it: valid against its schema, tied to
// the app's identity, and shipping every file the app opens by path on each platform.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Configuration, FileSet, PlatformSpecificBuildOptions } from 'electron-builder'
import { beforeAll, describe, expect, it } from 'vitest'
import { APP_ID } from '../../main/app/app-id'
import { TRAY_ICON_STATES } from '../../main/app/tray-state'
import { trayIconFile } from '../../main/tray/tray-icons'
import { loadBuilderConfig, validateBuilderConfig } from './builder-internals'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

let config: Configuration

beforeAll(async () => {
  config = await loadBuilderConfig(ROOT)
})

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
  })

  it('would be rejected with a misspelt option (the validation is real)', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: true } } as Configuration
    await expect(validateBuilderConfig(misspelt)).rejects.toThrow(/configuration\.nsis/)
  })

  it('uses the AppUserModelID the app sets as appId', () => {
    expect(config.appId).toBe(APP_ID)
  })

  it('points only at files that exist', () => {
    const referenced = [
      config.linux?.icon,
      config.win?.icon,
      config.nsis?.installerIcon,
      config.nsis?.uninstallerIcon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.deb?.afterInstall,
      config.deb?.afterRemove,
      ...[config, config.linux, config.win, config.mac].flatMap((options) =>
        resourceSets(options).map((set) => set.from),
      ),
    ]
    for (const file of referenced) {
      expect(file, 'a referenced path').toEqual(expect.any(String))
      expect(existsSync(path.join(ROOT, file ?? '')), file ?? '').toBe(true)
    }
  })

  it('builds an MSI beside NSIS: per machine, with the Start-menu shortcut Windows ties toasts to', () => {
    const targets = [config.win?.target]
      .flat()
      .map((target) => (typeof target === 'string' ? target : target?.target))
    expect(targets).toEqual(['nsis', 'msi'])
    // electron-builder gives the MSI's Start-menu shortcut System.AppUserModel.ID = appId.
    expect(config.msi).toMatchObject({
      perMachine: true,
      oneClick: true,
      createStartMenuShortcut: true,
      runAfterFinish: false,
    })
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true })
  })

  it('names no update feed in the installers: the feed comes from policy at run time', () => {
    expect(config.publish).toEqual({ provider: 'custom' })
    expect(existsSync(path.join(ROOT, 'build', 'electron-publisher-custom.cjs'))).toBe(true)
  })

  it('gives macOS apps only the JIT entitlement V8 needs', () => {
    const plist = readFileSync(path.join(ROOT, config.mac?.entitlements ?? ''), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])
    expect(keys).toEqual(['com.apple.security.cs.allow-jit'])
  })

  // main/index.ts looks for icons in `process.resourcesPath/assets` once packaged.
  it.each([
    ['linux', 'linux'],
    ['win32', 'win'],
    ['darwin', 'mac'],
  ] as const)('ships every icon the app opens on %s as an extra resource', (platform, key) => {
    const sets = [...resourceSets(config), ...resourceSets(config[key])]
    const wanted = [
      'icon.png',
      ...TRAY_ICON_STATES.map((state) =>
        path.posix.normalize(trayIconFile('', platform, state).replace(/\\/g, '/')),
      ),
    ]
    for (const file of wanted) {
      expect(existsSync(path.join(ROOT, 'assets', file)), `assets/${file}`).toBe(true)
      expect(shippedAs(sets, `assets/${file}`), `assets/${file}`).toBe(`assets/${file}`)
    }
  })
})

function resourceSets(options: PlatformSpecificBuildOptions | null | undefined): FileSet[] {
  const value = options?.extraResources
  const list = value == null ? [] : Array.isArray(value) ? value : [value]
  return list.map((entry) => (typeof entry === 'string' ? { from: entry, to: entry } : entry))
}

/** Where a project file lands under `resources/`, or null when no extra resource takes it. */
function shippedAs(sets: readonly FileSet[], file: string): string | null {
  for (const set of sets) {
    const from = set.from ?? '.'
    const relative = path.posix.relative(from, file)
    if (relative.startsWith('..')) continue
    const filters = set.filter == null ? ['**/*'] : [set.filter].flat()
    if (filters.some((filter) => path.matchesGlob(relative, filter))) {
      return path.posix.join(set.to ?? from, relative)
    }
  }
  return null
}
