// Builds the three parts of the app: main (ESM, out/main), the preloads of the call window
// and the ringtone page (CommonJS .cjs files: sandboxed preloads cannot be ES modules)
// and the renderer,
// whose settings live in renderer/vite.config.ts and are reused here unchanged but
// for the second page, the hidden ringtone player.
import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'electron-vite'
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
  renderer: mergeConfig(rendererConfig, {
    build: {
      rolldownOptions: {
        input: { index: here('renderer/index.html'), sound: here('renderer/sound.html') },
      },
    },
  }),
})
