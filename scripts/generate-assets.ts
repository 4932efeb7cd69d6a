// Draws the tray icons, the app icon and the ringtone with plain code and writes them
// under assets/: `npm run assets` (tsx scripts/generate-assets.ts). Node only, no
// image tools; commit the results together with any change here.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateAssets } from './assets'

const assetsDir = fileURLToPath(new URL('../assets', import.meta.url))

for (const [file, bytes] of generateAssets()) {
  const target = path.join(assetsDir, file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, bytes)
  console.log(`${path.relative(process.cwd(), target)} (${bytes.length} bytes)`)
}
