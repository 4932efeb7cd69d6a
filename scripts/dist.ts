// `npm run dist [-- <electron-builder arguments>]`: builds the app, then this platform's
// installers (electron-builder.yml), or the targets named, e.g. `-- --linux AppImage`.
// A deb names a maintainer and a homepage. Those belong to the organisation that builds
// and deploys it, so they come from CALL_TRAY_MAINTAINER ("Name <e-mail>") and
// CALL_TRAY_HOMEPAGE, and a deb build without them stops before anything is built.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type DistPlan = { ok: true; builderArgs: string[] } | { ok: false; message: string }

const MAINTAINER = /^[^<>]*[^<>\s] <[^<>@\s]+@[^<>@\s]+>$/

export const MISSING_DEB_METADATA =
  'A deb names its maintainer and homepage, and those are your organisation’s. Set ' +
  'CALL_TRAY_MAINTAINER ("Name <e-mail>") and CALL_TRAY_HOMEPAGE (https://…), or build ' +
  'only other targets, e.g. npm run dist -- --linux AppImage.'

/** Whether these electron-builder arguments build a deb on this platform. */
export function buildsDeb(args: readonly string[], platform: NodeJS.Platform): boolean {
  if (args.includes('--dir')) return false
  const linuxAt = args.findIndex((arg) => arg === '--linux' || arg === '-l')
  const otherPlatform = args.some((arg) =>
    ['--win', '--windows', '-w', '--mac', '--macos', '-m', '-o'].includes(arg),
  )
  if (linuxAt === -1) return !otherPlatform && platform === 'linux'
  const targets: string[] = []
  for (const arg of args.slice(linuxAt + 1)) {
    if (arg.startsWith('-')) break
    targets.push(arg.split(':')[0] ?? arg)
  }
  // No target named: electron-builder.yml's linux.target, which has the deb.
  return targets.length === 0 || targets.includes('deb')
}

/** The electron-builder command line for these arguments and environment, or why not. */
export function planDist(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): DistPlan {
  if (args.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish=')))
    return { ok: false, message: 'Builds never upload: copy dist/ to your server instead.' }
  const maintainer = env['CALL_TRAY_MAINTAINER']?.trim() || null
  const homepage = env['CALL_TRAY_HOMEPAGE']?.trim() || null
  if (buildsDeb(args, platform) && (maintainer === null || homepage === null))
    return { ok: false, message: MISSING_DEB_METADATA }
  if (maintainer !== null && !MAINTAINER.test(maintainer))
    return {
      ok: false,
      message: `CALL_TRAY_MAINTAINER must read "Name <e-mail>", e.g. "Contoso IT <it@contoso.example>" (got "${maintainer}").`,
    }
  if (homepage !== null && !isWebAddress(homepage))
    return {
      ok: false,
      message: `CALL_TRAY_HOMEPAGE must be an https:// or http:// address (got "${homepage}").`,
    }
  const metadata = [
    ...(maintainer === null ? [] : [`-c.linux.maintainer=${maintainer}`]),
    ...(homepage === null ? [] : [`-c.extraMetadata.homepage=${homepage}`]),
  ]
  return { ok: true, builderArgs: [...args, ...metadata, '--publish', 'never'] }
}

function isWebAddress(text: string): boolean {
  try {
    return ['https:', 'http:'].includes(new URL(text).protocol)
  } catch {
    return false
  }
}

function main(): void {
  const plan = planDist(process.argv.slice(2), process.env, process.platform)
  if (!plan.ok) {
    console.error(plan.message)
    process.exit(2)
  }
  // Each tool's own command line, found beside its package.json (electron-vite exports no bin path).
  const require = createRequire(import.meta.url)
  const run = (tool: string, bin: string, args: string[]) => {
    const script = path.join(path.dirname(require.resolve(`${tool}/package.json`)), bin)
    execFileSync(process.execPath, [script, ...args], { stdio: 'inherit' })
  }
  run('electron-vite', 'bin/electron-vite.js', ['build'])
  run('electron-builder', 'cli.js', plan.builderArgs)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main()
  } catch {
    // The failing step has printed why.
    process.exit(1)
  }
}
