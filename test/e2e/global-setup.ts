// Builds the app once (main, preload, renderer) when there is an Electron to run it.
import { fileURLToPath } from 'node:url'
import { build } from 'electron-vite'
import { findElectronBinary } from './electron-binary'

export default async function globalSetup(): Promise<void> {
  const binary = findElectronBinary()
  if (!binary.ok) {
    console.log(`Skipping the Electron end-to-end tests: ${binary.reason}.`)
    return
  }
  const root = fileURLToPath(new URL('../..', import.meta.url))
  await build({ root, configFile: `${root}/electron.vite.config.ts`, logLevel: 'warn' })
}
