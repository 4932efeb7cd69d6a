// Builds what the suite serves (the real renderer, with its own vite config)
// and the preload stand-in, then serves the renderer on 127.0.0.1.
import { build } from 'vite'
import {
  harnessOut,
  rendererConfig,
  rendererOut,
  rendererUrlEnv,
  standInGlobal,
} from './harness/paths'
import { serveDirectory } from './harness/static-server'

async function buildStandIn(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: harnessOut,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: new URL('./harness/call-tray-stand-in.ts', import.meta.url).pathname,
        formats: ['iife'],
        name: standInGlobal,
        fileName: () => 'call-tray-stand-in.js',
      },
    },
  })
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  await build({ configFile: rendererConfig, logLevel: 'warn' })
  await buildStandIn()
  const server = await serveDirectory(rendererOut)
  process.env[rendererUrlEnv] = server.url
  return server.close
}
