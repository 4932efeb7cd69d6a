// What `electron-builder --linux dir` makes of the project: an app.asar holding exactly
// the built app and its production dependencies, where every file the app loads is
// found, the icons beside it, and the Electron fuses flipped for production.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
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

/** The built app, one pattern per file (Vite adds a content hash to bundled assets). */
const APP_FILES = [
  /^package\.json$/,
  /^out\/main\/index\.js$/,
  /^out\/preload\/index\.cjs$/,
  /^out\/renderer\/index\.html$/,
  /^out\/renderer\/sound\.html$/,
  /^out\/renderer\/assets\/index-[\w-]+\.js$/,
  /^out\/renderer\/assets\/index-[\w-]+\.css$/,
  /^out\/renderer\/assets\/sound-[\w-]+\.js$/,
  /^out\/renderer\/assets\/ring-[\w-]+\.wav$/,
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

/** The production packages npm installed (package-lock.json), as their node_modules paths. */
function productionPackages(): string[] {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>
  }
  return Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && !entry.dev && existsSync(path.join(ROOT, key)))
    .map(([key]) => key)
    .sort()
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

  it('holds exactly the production dependencies, each with its package.json', () => {
    const packed = [...new Set(files.map(packageOf).filter((dir) => dir !== null))].sort()
    expect(packed).toEqual(productionPackages())
    for (const dir of packed) expect(files, dir).toContain(`${dir}/package.json`)
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

  it('finds every file the renderer pages load, the ringtone included', () => {
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
    expect(loaded.filter((file) => file.endsWith('.wav'))).toHaveLength(1)
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
