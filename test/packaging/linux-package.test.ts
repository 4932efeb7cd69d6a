// What `electron-builder --linux dir` makes of the project: an app.asar holding exactly
// the built app and its production dependencies, where every file the app loads is
// found, the icons beside it, and the Electron fuses flipped for production.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire, isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TRAY_ICON_STATES } from '../../main/app/tray-state'
import { trayIconFile } from '../../main/tray/tray-icons'
import { asarFiles, packLinuxDir } from './pack-linux-dir'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
// semver ships without types; a production dependency already, through electron-updater.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string, options: { includePrerelease: boolean }): boolean
}

/** The built app, one pattern per file (Vite adds a content hash to bundled assets). */
const APP_FILES = [
  /^package\.json$/,
  /^out\/main\/index\.js$/,
  /^out\/preload\/index\.cjs$/,
  /^out\/preload\/sound\.cjs$/,
  /^out\/renderer\/index\.html$/,
  /^out\/renderer\/sound\.html$/,
  /^out\/renderer\/assets\/index-[\w-]+\.js$/,
  /^out\/renderer\/assets\/index-[\w-]+\.css$/,
  /^out\/renderer\/assets\/sound-[\w-]+\.js$/,
  /^out\/renderer\/assets\/ring-[\w-]+\.wav$/,
  /^out\/renderer\/assets\/call-waiting-[\w-]+\.wav$/,
]

/** Never in a package: maps, TypeScript, tests, and the dependencies' development files. */
const DEV_FILES = [
  /\.map$/,
  /\.[cm]?ts$/,
  /(^|\/)(test|tests|__tests__|__mocks__|spec|benchmark)\//,
  /(^|\/)\.[^/]+$/,
  /(^|\/)(readme|changelog|history|changes)\.md$/i,
]

const ON = '1'.charCodeAt(0)
const OFF = '0'.charCodeAt(0)

let workDir: string
let appOutDir: string
let archive: string
let files: string[]

// Building and packing take a few seconds; the limit only stops a hung build.
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'call-tray-pack-'))
  appOutDir = await packLinuxDir(ROOT, workDir)
  archive = path.join(appOutDir, 'resources', 'app.asar')
  files = asarFiles(archive)
}, 300_000)

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true })
})

const appFiles = () => files.filter((file) => !file.startsWith('node_modules/'))
const readPackaged = (file: string) => extractFile(archive, file).toString('utf8')

/** The installed package a file belongs to: `node_modules/a`, `node_modules/a/node_modules/@s/b`. */
function packageOf(file: string): string | null {
  const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)+)/.exec(file)
  return match?.[1]?.slice(0, -1) ?? null
}

/** name@version of each production package npm installs (package-lock.json, as `npm ls --omit=dev`). */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; name?: string; version?: string }>
  }
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && !entry.dev)
    .map(([key, entry]) => `${entry.name ?? nameOf(key)}@${entry.version}`)
    .sort()
}

/** `node_modules/a/node_modules/@s/b` → `@s/b`. */
const nameOf = (dir: string) => dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length)

interface PackedManifest {
  name: string
  version: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

/** Where Node finds `name` from a package folder: its own node_modules, then each one above. */
function resolveFrom(dir: string, name: string, packed: ReadonlySet<string>): string | null {
  for (let base = dir; ; base = base.slice(0, base.lastIndexOf('/node_modules/'))) {
    if (packed.has(`${base}/node_modules/${name}`)) return `${base}/node_modules/${name}`
    if (!base.includes('/node_modules/')) break
  }
  return packed.has(`node_modules/${name}`) ? `node_modules/${name}` : null
}

describe('the Linux package (electron-builder --linux dir, stand-in Electron)', () => {
  it('holds exactly the built app in app.asar', () => {
    for (const pattern of APP_FILES) {
      expect(
        appFiles().filter((file) => pattern.test(file)),
        String(pattern),
      ).toHaveLength(1)
    }
    expect(appFiles().filter((file) => !APP_FILES.some((pattern) => pattern.test(file)))).toEqual(
      [],
    )
  })

  // electron-builder lays node_modules out its own way (a nested copy may move up), so the
  // packages are compared by name and version, and every dependency must resolve the way
  // Node resolves it to a packed copy of a version it accepts.
  it('holds exactly the production packages npm installs, each with its package.json', () => {
    const dirs = [...new Set(files.map(packageOf).filter((dir) => dir !== null))].sort()
    for (const dir of dirs) expect(files, dir).toContain(`${dir}/package.json`)
    const packed = dirs.map((dir) => {
      const { name, version } = JSON.parse(readPackaged(`${dir}/package.json`)) as PackedManifest
      return `${name}@${version}`
    })
    expect(packed.sort()).toEqual(productionPackages())
  })

  it('resolves every dependency of every packed package to a version it accepts', () => {
    const dirs = new Set(files.map(packageOf).filter((dir) => dir !== null))
    const unresolved: string[] = []
    for (const dir of dirs) {
      const manifest = JSON.parse(readPackaged(`${dir}/package.json`)) as PackedManifest
      const optional = manifest.optionalDependencies ?? {}
      const wanted = { ...manifest.dependencies, ...optional }
      for (const [name, range] of Object.entries(wanted)) {
        const found = resolveFrom(dir, name, dirs)
        if (found === null) {
          if (!(name in optional)) unresolved.push(`${dir} → ${name} (missing)`)
          continue
        }
        const { version } = JSON.parse(readPackaged(`${found}/package.json`)) as PackedManifest
        if (!semver.satisfies(version, range, { includePrerelease: true }))
          unresolved.push(`${dir} → ${name}@${range} (found ${version} at ${found})`)
      }
    }
    expect(unresolved).toEqual([])
  })

  it('holds no source maps, TypeScript, tests or development files', () => {
    expect(files.filter((file) => DEV_FILES.some((pattern) => pattern.test(file)))).toEqual([])
  })

  it('starts from a package.json whose ES-module main entry is inside', () => {
    const manifest = JSON.parse(readPackaged('package.json')) as Record<string, unknown>
    expect(manifest['type']).toBe('module')
    expect(files).toContain(path.posix.normalize(String(manifest['main'])))
    expect(manifest['desktopName']).toBe('com.calltray.app.desktop')
    expect(manifest).not.toHaveProperty('scripts')
  })

  it('resolves every package the main process imports to a packed production dependency', () => {
    const manifest = JSON.parse(readPackaged('package.json')) as {
      dependencies?: Record<string, string>
    }
    const main = readPackaged('out/main/index.js')
    const specifiers = [
      ...main.matchAll(/^\s*(?:import|export)\b[^'"]*?["']([^"'./][^"']*)["']/gm),
      ...main.matchAll(/\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g),
    ].map((match) => match[1] ?? '')
    const packages = new Set(
      specifiers
        .filter((specifier) => specifier !== 'electron' && !isBuiltin(specifier))
        .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1))
        .map((parts) => parts.join('/')),
    )
    expect(packages.size).toBeGreaterThan(0)
    for (const name of packages) {
      expect(Object.keys(manifest.dependencies ?? {}), name).toContain(name)
      expect(files, name).toContain(`node_modules/${name}/package.json`)
    }
  })

  it('finds every file the renderer pages load, the ringtone and call-waiting tone included', () => {
    const loaded: string[] = []
    for (const page of appFiles().filter((file) => /^out\/renderer\/[^/]+\.html$/.test(file))) {
      for (const [, url] of readPackaged(page).matchAll(/(?:src|href)="(\.\/[^"]+)"/g)) {
        loaded.push(path.posix.join(path.posix.dirname(page), url ?? ''))
      }
    }
    for (const script of appFiles().filter((file) => /^out\/renderer\/.+\.js$/.test(file))) {
      const urls = readPackaged(script).matchAll(/new URL\(\s*"([^"]+)",\s*import\.meta\.url\)/g)
      for (const [, url] of urls)
        loaded.push(path.posix.join(path.posix.dirname(script), url ?? ''))
    }
    expect(loaded.filter((file) => file.endsWith('.wav'))).toHaveLength(2)
    for (const file of loaded) expect(files, file).toContain(file)
  })

  it('puts the notification icon and this platform’s tray icons in resources/assets', () => {
    const assets = path.join(appOutDir, 'resources', 'assets')
    expect(existsSync(path.join(assets, 'icon.png'))).toBe(true)
    for (const state of TRAY_ICON_STATES) {
      expect(existsSync(trayIconFile(assets, 'linux', state)), state).toBe(true)
    }
    expect(existsSync(path.join(assets, 'tray', 'win'))).toBe(false)
    expect(existsSync(path.join(assets, 'tray', 'mac'))).toBe(false)
  })

  // electron-updater reads its cache folder from this file; the feed comes from policy at
  // run time (main/updates), so the file must name none: no URL, no default provider.
  it('carries an app-update.yml that names no update feed', () => {
    const text = readFileSync(path.join(appOutDir, 'resources', 'app-update.yml'), 'utf8')
    expect(text).toBe('provider: custom\nupdaterCacheDirName: call-tray-updater\n')
  })

  it('names the executable call-tray and keeps Electron’s licence', () => {
    expect(existsSync(path.join(appOutDir, 'call-tray'))).toBe(true)
    expect(existsSync(path.join(appOutDir, 'LICENSE.electron.txt'))).toBe(true)
  })

  it('flips the production fuses in the Electron executable', async () => {
    const wire = await getCurrentFuseWire(path.join(appOutDir, 'call-tray'))
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      fileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: OFF,
      cookieEncryption: ON,
      nodeOptions: OFF,
      inspectArguments: OFF,
      asarIntegrity: ON,
      onlyLoadAppFromAsar: ON,
      fileProtocolExtraPrivileges: OFF,
    })
  })
})
