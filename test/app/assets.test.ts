// The committed icons and ringtone are exactly what scripts/generate-assets.ts draws,
// and the tray states stay tellable apart.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { TRAY_ICON_STATES } from '../../main/app/tray-state'
import { trayIconFile } from '../../main/tray/tray-icons'
import { generateAssets } from '../../scripts/assets'

const ASSETS = fileURLToPath(new URL('../../assets/', import.meta.url))
const generated = generateAssets()

/** Width, height and RGBA pixels of one of our own PNGs (8-bit RGBA, filter 0). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  const chunks: Buffer[] = []
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset)
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      chunks.push(png.subarray(offset + 8, offset + 8 + length))
    offset += length + 12
  }
  const raw = inflateSync(Buffer.concat(chunks))
  const pixels = Buffer.alloc(width * height * 4)
  for (let y = 0; y < height; y += 1)
    raw.copy(pixels, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))
  return { width, height, pixels }
}

describe('generated assets', () => {
  it('are committed exactly as the script draws them (run `npm run assets` after a change)', () => {
    for (const [file, bytes] of generated) {
      expect(readFileSync(`${ASSETS}${file}`).equals(bytes), file).toBe(true)
    }
  })

  it('cover every tray state on every platform', () => {
    expect([...TRAY_ICON_STATES].sort()).toEqual([...TRAY_ICON_STATES].sort())
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const state of TRAY_ICON_STATES) {
        const file = trayIconFile('', platform, state)
          .replace(/^[/\\]/, '')
          .replace(/\\/g, '/')
        expect(generated.has(file), file).toBe(true)
      }
    }
  })

  it('make macOS template images black with alpha, 16 px and 32 px @2x', () => {
    for (const state of TRAY_ICON_STATES) {
      const small = decodePng(generated.get(`tray/mac/${state}Template.png`) ?? Buffer.alloc(0))
      const large = decodePng(generated.get(`tray/mac/${state}Template@2x.png`) ?? Buffer.alloc(0))
      expect([small.width, small.height, large.width, large.height]).toEqual([16, 16, 32, 32])
      for (let i = 0; i < small.pixels.length; i += 4) {
        expect(
          (small.pixels[i] ?? 0) + (small.pixels[i + 1] ?? 0) + (small.pixels[i + 2] ?? 0),
        ).toBe(0)
      }
    }
  })

  it('differ from state to state at 16 px', () => {
    const pixels = TRAY_ICON_STATES.map(
      (state) =>
        decodePng(generated.get(`tray/mac/${state}Template.png`) ?? Buffer.alloc(0)).pixels,
    )
    for (let a = 0; a < pixels.length; a += 1) {
      for (let b = a + 1; b < pixels.length; b += 1) {
        const left = pixels[a] ?? Buffer.alloc(0)
        const right = pixels[b] ?? Buffer.alloc(0)
        let different = 0
        for (let i = 3; i < left.length; i += 4)
          if (Math.abs((left[i] ?? 0) - (right[i] ?? 0)) > 96) different += 1
        expect(
          different,
          `${TRAY_ICON_STATES[a]} vs ${TRAY_ICON_STATES[b]}`,
        ).toBeGreaterThanOrEqual(6)
      }
    }
  })

  it('pack every Windows DPI size into each .ico', () => {
    const ico = generated.get('tray/win/ringing.ico') ?? Buffer.alloc(0)
    expect(ico.readUInt16LE(2)).toBe(1)
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16])
    expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64])
  })

  it('make a short looping ringtone that starts and ends in silence', () => {
    const wav = generated.get('sounds/ring.wav') ?? Buffer.alloc(0)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE')
    const rate = wav.readUInt32LE(24)
    const samples = (wav.length - 44) / 2
    expect(samples / rate).toBeGreaterThan(1)
    expect(samples / rate).toBeLessThan(4)
    expect(wav.readInt16LE(44)).toBe(0)
    expect(wav.readInt16LE(wav.length - 2)).toBe(0)
  })
  it('make a call-waiting tone that is soft, short and mostly silence', () => {
    const wav = generated.get('sounds/call-waiting.wav') ?? Buffer.alloc(0)
    const samples = Array.from({ length: (wav.length - 44) / 2 }, (_, i) =>
      wav.readInt16LE(44 + i * 2),
    )
    const peak = Math.max(...samples.map(Math.abs))
    expect(peak / 32767).toBeLessThan(0.4)
    const sounding = samples.filter((sample) => Math.abs(sample) > 100).length
    expect(sounding / samples.length).toBeLessThan(0.15)
    expect(samples[0]).toBe(0)
    expect(samples.at(-1)).toBe(0)
  })
})
