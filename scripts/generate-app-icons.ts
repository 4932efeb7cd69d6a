// Draws the app icon (installers, Start menu, Dock, application menus) and writes every
// per-platform file under assets/app-icon/: `npx tsx scripts/generate-app-icons.ts`.
// Node only, no image tools (the drawing and encoding helpers are the tray icons' ones).
// The source is the vector design below; icon.png is its 1024 px rendering. Every size
// is rendered from the shapes rather than scaled down from that PNG, so 16 px stays
// crisp, and below 32 px the ring arcs are left out: they would only blur into the
// handset. test/packaging/app-icons.test.ts checks the committed files are exactly these.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { encodeIco } from './ico'
import { encodePng } from './png'
import { arc, hex, render, roundedBox, transform, union } from './raster'
import type { Layer, Sdf } from './raster'
import { writeGeneratedFiles } from './write-files'

/** Linux hicolor sizes; electron-builder reads them from `png/<n>x<n>.png`. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const
/** Windows: list views and the taskbar (16–48), tiles and Explorer (64, 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const
/** macOS: each ICNS chunk type holds one PNG of this size (ic11–ic14 are the @2x ones). */
export const ICNS_CHUNKS = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const

const BLUE = hex('#1d4ed8')
const WHITE = hex('#ffffff')

/**
 * The tile: full-bleed on Windows and Linux; on macOS the body is 824 of 1024 units,
 * the size Apple's template gives every app icon, so ours does not look larger than
 * its neighbours in the dock.
 */
function tile(platform: 'mac' | 'other'): Sdf {
  const half = platform === 'mac' ? (12 * 824) / 1024 : 11.4
  return roundedBox(12, 12, half, half, half * 0.45)
}

/** 0 at `edge0`, 1 at `edge1`, smooth in between. */
function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)))
  return t * t * (3 - 2 * t)
}

/**
 * The handset, in the 24-unit grid: a band around (cx, cy) from a little past straight
 * down to a little past straight left (degrees, y pointing down), whose outer edge is
 * one circle and whose inner edge swells smoothly into a pad at each end (the earpiece
 * and the mouthpiece). Measured in (arc length, radius) around the centre, the band is
 * a rounded box.
 */
function handset(): Sdf {
  const cx = 16.2
  const cy = 7.8
  const outer = 11.2
  const from = 86
  const to = 184
  const body = 3.0
  const pad = 5.0
  const padAngle = 17
  const mid = (from + to) / 2
  const half = ((to - from) / 2) * (Math.PI / 180)
  return (x, y) => {
    const r = Math.hypot(x - cx, y - cy)
    const angle = (Math.atan2(y - cy, x - cx) * 180) / Math.PI
    const fromMid = ((((angle - mid) % 360) + 540) % 360) - 180
    const toEnd = (to - from) / 2 - Math.abs(fromMid)
    const thickness = body + (pad - body) * smoothstep(padAngle + 9, padAngle, toEnd)
    const u = fromMid * (Math.PI / 180) * r
    const v = r - (outer - thickness / 2)
    return roundedBox(0, 0, half * r, thickness / 2, 1.3)(u, v)
  }
}

/** Two ring arcs off the earpiece, opening away from the handset: the call coming in. */
function rings(): Sdf {
  return union(arc(13.2, 10.8, 3.4, 274, 356, 0.95), arc(13.2, 10.8, 6.3, 274, 356, 0.95))
}

type Box = { x0: number; y0: number; x1: number; y1: number }

/** The box the shape covers in the 24-unit grid, measured on a fine grid. */
function bounds(shape: Sdf): Box {
  const box = { x0: 24, y0: 24, x1: 0, y1: 0 }
  for (let y = 0; y <= 24; y += 0.05) {
    for (let x = 0; x <= 24; x += 0.05) {
      if (shape(x, y) > 0) continue
      box.x0 = Math.min(box.x0, x)
      box.y0 = Math.min(box.y0, y)
      box.x1 = Math.max(box.x1, x)
      box.y1 = Math.max(box.y1, y)
    }
  }
  return box
}

/** Scales the shapes so the longer side of their `box` is `extent`, centred in the grid. */
function placed(shapes: Sdf[], box: Box, extent: number): Sdf[] {
  const scale = extent / Math.max(box.x1 - box.x0, box.y1 - box.y0)
  const centreX = (box.x0 + box.x1) / 2
  const centreY = (box.y0 + box.y1) / 2
  return shapes.map((shape) =>
    transform(shape, (x, y) => [centreX + (x - 12) / scale, centreY + (y - 12) / scale]),
  )
}

// Measuring takes a moment and every size needs one of these two.
const markBoxes = new Map<boolean, Box>()

export function appIconLayers(size: number, platform: 'mac' | 'other'): Layer[] {
  const withRings = size >= 32
  const shapes = withRings ? [handset(), rings()] : [handset()]
  let box = markBoxes.get(withRings)
  if (!box) {
    box = bounds(union(...shapes))
    markBoxes.set(withRings, box)
  }
  return [
    { shape: tile(platform), color: BLUE },
    ...placed(shapes, box, platform === 'mac' ? 11.6 : 13.8).map((shape) => ({
      shape,
      color: WHITE,
    })),
  ]
}

/** The `.icns` container: 'icns', the total length, then typed chunks (type, length, PNG). */
export function encodeIcns(chunks: readonly { type: string; png: Buffer }[]): Buffer {
  const parts = chunks.map(({ type, png }) => {
    const header = Buffer.alloc(8)
    header.write(type, 0, 'ascii')
    header.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([header, png])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'ascii')
  header.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([header, ...parts])
}

/** Every file of the icon set by its path under assets/app-icon/, as bytes. */
export function appIconFiles(): Map<string, Buffer> {
  const cache = new Map<string, Buffer>()
  const png = (size: number, platform: 'mac' | 'other'): Buffer => {
    const key = `${platform}:${size}`
    let bytes = cache.get(key)
    if (!bytes) {
      bytes = encodePng(size, size, render(size, appIconLayers(size, platform)))
      cache.set(key, bytes)
    }
    return bytes
  }
  const files = new Map<string, Buffer>()
  files.set('icon.png', png(1024, 'other'))
  for (const size of LINUX_SIZES) files.set(`png/${size}x${size}.png`, png(size, 'other'))
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size, 'other') }))))
  files.set(
    'icon.icns',
    encodeIcns(ICNS_CHUNKS.map(([type, size]) => ({ type, png: png(size, 'mac') }))),
  )
  return files
}

function writeAppIcons(): void {
  writeGeneratedFiles(fileURLToPath(new URL('../assets/app-icon', import.meta.url)), appIconFiles())
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) writeAppIcons()
