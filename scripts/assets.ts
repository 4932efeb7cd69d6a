// Every generated asset by its path under assets/, as bytes. The CLI writes them;
// test/app/assets.test.ts checks the committed files are exactly these.
import { encodeIco } from './ico'
import { encodePng } from './png'
import { hex, render, type Layer } from './raster'
import { callWaitingSamples, encodeWav, ringtoneSamples, SAMPLE_RATE } from './ringtone'
import { TRAY_ICON_STATES } from '../main/app/tray-state'
import { appIconLayers, discLayers, glyphLayers } from './tray-icon-designs'

/** Windows picks per DPI: 100 % → 16, 125 % → 20, 150 % → 24, 200 % → 32, and so on. */
const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64]

const png = (size: number, layers: Layer[]) => encodePng(size, size, render(size, layers))

export function generateAssets(): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  const black = hex('#000000')
  for (const state of TRAY_ICON_STATES) {
    // macOS: "Template" makes the system tint it for light and dark menu bars.
    files.set(`tray/mac/${state}Template.png`, png(16, glyphLayers(state, black)))
    files.set(`tray/mac/${state}Template@2x.png`, png(32, glyphLayers(state, black)))
    files.set(
      `tray/win/${state}.ico`,
      encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size, discLayers(state)) }))),
    )
    // Linux panels are mostly 22–24 px; `@2x` serves HiDPI.
    files.set(`tray/linux/${state}.png`, png(24, discLayers(state)))
    files.set(`tray/linux/${state}@2x.png`, png(48, discLayers(state)))
  }
  files.set('icon.png', png(256, appIconLayers()))
  files.set('sounds/ring.wav', encodeWav(ringtoneSamples(), SAMPLE_RATE))
  files.set('sounds/call-waiting.wav', encodeWav(callWaitingSamples(), SAMPLE_RATE))
  return files
}
