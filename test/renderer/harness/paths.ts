// Where the suite's build outputs live; shared by global setup and fixtures.
import { resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../../..')
export const rendererConfig = resolve(repoRoot, 'renderer/vite.config.ts')
export const rendererOut = resolve(repoRoot, 'out/renderer')
/** Inside Playwright's output dir, which it empties before global setup runs. */
export const harnessOut = resolve(repoRoot, 'test-results/.harness')
export const standInBundle = resolve(harnessOut, 'call-tray-stand-in.js')
export const standInGlobal = 'CallTrayStandIn'
/** Global setup publishes the static server's address here for the workers. */
export const rendererUrlEnv = 'CALL_TRAY_RENDERER_URL'
