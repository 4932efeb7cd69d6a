// Build settings for the call window and the ringtone page. electron-vite reuses this object for its
// renderer section, so it stays a plain object with absolute paths.
import { fileURLToPath } from 'node:url'
import type { UserConfig } from 'vite'

const config: UserConfig = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative asset URLs: Electron loads the page from file://.
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        // The hidden ringtone player.
        sound: fileURLToPath(new URL('sound.html', import.meta.url)),
      },
    },
  },
}

export default config
