// Builds the three parts of the app: main (ESM, out/main), the preloads of the call
// window and the ringtone page (CommonJS .cjs files: sandboxed preloads cannot be ES
// modules) and the renderer, whose settings (both pages) live in renderer/vite.config.ts.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import rendererConfig from './renderer/vite.config'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  main: {
    build: {
      outDir: here('out/main'),
      rolldownOptions: { input: { index: here('main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: here('out/preload'),
      rolldownOptions: {
        input: { index: here('preload/index.ts'), sound: here('preload/sound.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})
