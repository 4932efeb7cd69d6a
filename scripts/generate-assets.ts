// Draws the tray icons, the app icon and the ringtone with plain code and writes them
// under assets/: `npm run assets` (tsx scripts/generate-assets.ts). Node only, no
// image tools; commit the results together with any change here.
import { fileURLToPath } from 'node:url'
import { generateAssets } from './assets'
import { writeGeneratedFiles } from './write-files'

writeGeneratedFiles(fileURLToPath(new URL('../assets', import.meta.url)), generateAssets())
