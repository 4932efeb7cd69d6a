// The committed app icon set is exactly what scripts/generate-app-icons.ts draws, and
// each file is what its platform expects.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { appIconFiles, ICNS_CHUNKS, ICO_SIZES, LINUX_SIZES } from '../../scripts/generate-app-icons'

const ICON_DIR = fileURLToPath(new URL('../../assets/app-icon/', import.meta.url))
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

let generated: Map<string, Buffer>

// Drawing every size, up to 1024 px, takes a few seconds.
beforeAll(() => {
  generated = appIconFiles()
}, 120_000)

const committed = (file: string) => readFileSync(`${ICON_DIR}${file}`)

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

/** The alpha channel of one of our own PNGs (8-bit RGBA, filter 0). */
function alpha(png: Buffer): { size: number; at(x: number, y: number): number } {
  const [size] = pngSize(png)
  const chunks: Buffer[] = []
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset)
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      chunks.push(png.subarray(offset + 8, offset + 8 + length))
    offset += length + 12
  }
  const raw = inflateSync(Buffer.concat(chunks))
  return { size, at: (x, y) => raw[y * (size * 4 + 1) + 1 + x * 4 + 3] ?? 0 }
}

/** The typed chunks of an .icns file, after checking its header. */
function icnsChunks(icns: Buffer): { type: string; png: Buffer }[] {
  expect(icns.toString('ascii', 0, 4)).toBe('icns')
  expect(icns.readUInt32BE(4)).toBe(icns.length)
  const chunks: { type: string; png: Buffer }[] = []
  for (let offset = 8; offset < icns.length;) {
    const length = icns.readUInt32BE(offset + 4)
    chunks.push({
      type: icns.toString('ascii', offset, offset + 4),
      png: icns.subarray(offset + 8, offset + length),
    })
    offset += length
  }
  return chunks
}

describe('the app icon set', () => {
  it('is committed exactly as the script draws it (run scripts/generate-app-icons.ts)', () => {
    expect([...generated.keys()].sort()).toEqual(
      [
        'icon.png',
        'icon.ico',
        'icon.icns',
        ...LINUX_SIZES.map((size) => `png/${size}x${size}.png`),
      ].sort(),
    )
    for (const [file, bytes] of generated) {
      expect(committed(file).equals(bytes), file).toBe(true)
    }
  })

  it('names each Linux PNG after its size', () => {
    for (const size of LINUX_SIZES) {
      expect(pngSize(committed(`png/${size}x${size}.png`))).toEqual([size, size])
    }
  })

  it('packs the Windows sizes into one .ico, 256 px included', () => {
    const ico = committed('icon.ico')
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => 6 + i * 16)
    const sizes = entries.map((entry) => {
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1)
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      )
      expect(pngSize(png)).toEqual([size, size])
      return size
    })
    expect(sizes).toEqual([...ICO_SIZES])
  })

  it('writes a well-formed .icns with the retina and non-retina chunks', () => {
    const chunks = icnsChunks(committed('icon.icns'))
    expect(chunks.map(({ type, png }) => [type, pngSize(png)[0]])).toEqual(
      ICNS_CHUNKS.map(([type, size]) => [type, size]),
    )
  })

  it('leaves macOS its transparent margin and fills the tile elsewhere', () => {
    const mac = icnsChunks(committed('icon.icns')).find(({ type }) => type === 'ic10')
    const macAlpha = alpha(mac?.png ?? Buffer.alloc(0))
    const other = alpha(committed('icon.png'))
    expect([macAlpha.size, other.size]).toEqual([1024, 1024])
    // Apple's grid: the body spans 824 of 1024 px, centred; 100 px of margin each side.
    expect(macAlpha.at(90, 512)).toBe(0)
    expect(macAlpha.at(110, 512)).toBe(255)
    expect(other.at(40, 512)).toBe(255)
    expect([other.at(0, 0), macAlpha.at(100, 100)]).toEqual([0, 0])
  })
})
