// Packs the app the way `npm run dist` does on Linux, but as the unpacked `dir` target
// and against a stand-in Electron, because this machine cannot download the real one.
// The build happens in a scratch copy of the project (its own out/, node_modules linked
// back), so other tests that rebuild out/ at the same time cannot disturb it.
import { execFile } from 'node:child_process'
import { chmod, cp, mkdir, realpath, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { getRawHeader } from '@electron/asar'
import { SENTINEL } from '@electron/fuses/dist/constants'
import { build } from 'electron-vite'

/**
 * The fuse wire of an unmodified Electron: version 1, eight fuses, '1' on and '0' off,
 * in @electron/fuses' order (run as Node on, cookie encryption off, NODE_OPTIONS on,
 * --inspect on, asar integrity off, only-asar off, V8 snapshot off, file: privileges on).
 */
const STOCK_WIRE = Buffer.concat([
  Buffer.from(SENTINEL, 'ascii'),
  Buffer.from([1, 8]),
  Buffer.from('10111001', 'ascii'),
])

/**
 * What electron-builder needs from an unpacked Electron for Linux: the `electron`
 * executable (renamed to the app's executableName) and its licence. The executable is a
 * script that carries a real fuse wire, so electron-builder's fuse step runs on it as it
 * would on the binary.
 */
async function createStandInElectron(folder: string): Promise<void> {
  await mkdir(path.join(folder, 'resources'), { recursive: true })
  const executable = path.join(folder, 'electron')
  await writeFile(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\n# Stand-in Electron for packaging tests; fuse wire: '),
      STOCK_WIRE,
      Buffer.from('\nexit 0\n'),
    ]),
  )
  await chmod(executable, 0o755)
  await writeFile(path.join(folder, 'LICENSE'), 'Stand-in for Electron’s licence.\n')
}

/** Left out of the scratch copy: installed, built, generated or version-control folders. */
const NOT_COPIED = new Set([
  'node_modules',
  'out',
  'dist',
  '.git',
  'test-results',
  'playwright-report',
])

/**
 * A copy of the whole project, sources and tests included (so a `files` pattern that
 * lets them into the package is caught), with out/ freshly built into it.
 */
async function stageProject(root: string, stage: string): Promise<void> {
  await cp(root, stage, {
    recursive: true,
    filter: (source) => !NOT_COPIED.has(path.relative(root, source).split(path.sep)[0] ?? ''),
  })
  await linkNodeModules(path.join(root, 'node_modules'), path.join(stage, 'node_modules'))
  await build({
    root,
    configFile: path.join(root, 'electron.vite.config.ts'),
    build: { outDir: path.join(stage, 'out'), emptyOutDir: true },
    logLevel: 'warn',
  })
}

/**
 * The stage needs node_modules as a real folder: with a symlink, `npm list` (which
 * electron-builder asks for the production dependencies) sees every package as
 * extraneous on a fresh `npm ci` and the package would miss transitive dependencies.
 * Hard links make that folder in a fraction of a second; across file systems, copy.
 * The project's own node_modules may itself be a symlink (worktrees sharing one install):
 * `cp -a` would copy the link, so it starts from the folder the link points to.
 */
async function linkNodeModules(from: string, to: string): Promise<void> {
  const folder = await realpath(from)
  try {
    await promisify(execFile)('cp', ['-al', folder, to])
  } catch {
    await cp(folder, to, { recursive: true, verbatimSymlinks: true })
  }
}

/**
 * Builds the app and packs it; resolves to the unpacked app (`dist/linux-unpacked`: the
 * executable, its licence and resources/). A failed build rejects with its output.
 */
export async function packLinuxDir(root: string, workDir: string): Promise<string> {
  const stage = path.join(workDir, 'project')
  const electronDist = path.join(workDir, 'electron')
  const output = path.join(workDir, 'dist')
  await createStandInElectron(electronDist)
  await stageProject(root, stage)
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js')
  await promisify(execFile)(
    process.execPath,
    [
      cli,
      '--linux',
      'dir',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: stage, env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 16 * 1024 * 1024 },
  )
  return path.join(output, 'linux-unpacked')
}

type AsarDirectory = { files: Record<string, object> }

const isDirectory = (node: object): node is AsarDirectory => 'files' in node

/** Every file (not directory) in an asar archive, as a relative POSIX path. */
export function asarFiles(archive: string): string[] {
  const files: string[] = []
  const walk = (directory: AsarDirectory, prefix: string) => {
    for (const [name, child] of Object.entries(directory.files)) {
      if (isDirectory(child)) walk(child, `${prefix}${name}/`)
      else files.push(`${prefix}${name}`)
    }
  }
  walk(getRawHeader(archive).header, '')
  return files.sort()
}
