// The tray icon of each state, drawn in a 24×24 grid: one phone handset, told apart
// by shape as well as colour (sound waves when ringing, a dot in a call, pause bars,
// a strike-through offline, an outline when signed out), so the states stay distinct
// at 16 px, in monochrome and for colour-blind agents.
import type { TrayIconState } from '../main/app/tray-state'
import {
  arc,
  capsule,
  circle,
  grow,
  hex,
  outline,
  roundedBox,
  smoothUnion,
  transform,
  union,
  type Layer,
  type Rgba,
  type Sdf,
} from './raster'

/** The handset: a thick arc with a pad at each end, symmetric about the diagonal through its centre. */
function handset(): Sdf {
  const cx = 16.6
  const cy = 7.4
  const radius = 11.6
  const half = smoothUnion(
    1.2,
    arc(cx, cy, radius, 135, 172, 1.7),
    // The earpiece: a cup wider than the body, turned towards the ear (inwards).
    roundedBox(cx - radius + 1.1, cy - 2.6, 3.8, 2.7, 2.0),
  )
  const mirrored = transform(half, (x, y) => [cx - (y - cy), cy - (x - cx)])
  return union(half, mirrored)
}

/**
 * What marks each state, drawn over the handset with a gap cut around it. `bold` is
 * for the small white mark inside a disc: fewer, thicker strokes.
 */
function marker(state: TrayIconState, bold: boolean): Sdf | null {
  const stroke = bold ? 1.7 : 1.2
  switch (state) {
    case 'ringing':
      return bold
        ? union(arc(12.6, 11.4, 5.4, 270, 360, stroke), arc(12.6, 11.4, 10.0, 270, 360, stroke))
        : union(arc(13.4, 10.6, 5.6, 270, 360, stroke), arc(13.4, 10.6, 9.8, 270, 360, stroke))
    case 'in-call':
      return circle(18.6, 5.4, bold ? 4.4 : 3.9)
    case 'paused':
      return union(roundedBox(15.6, 5.8, stroke, 4.6, 0.6), roundedBox(20.8, 5.8, stroke, 4.6, 0.6))
    case 'offline':
      return union(capsule(15.4, 2.4, 21.6, 8.6, stroke), capsule(21.6, 2.4, 15.4, 8.6, stroke))
    default:
      return null
  }
}

const GAP = 1.3

/** The glyph alone, in one colour: macOS template images, and the white mark on the coloured discs. */
export function glyphLayers(state: TrayIconState, color: Rgba, bold = false): Layer[] {
  const phone = state === 'signed-out' ? outline(handset(), 2) : handset()
  const mark = marker(state, bold)
  if (!mark) return [{ shape: phone, color }]
  return [
    { shape: phone, color },
    { shape: grow(mark, GAP), erase: true },
    { shape: mark, color },
  ]
}

const DISC: Record<TrayIconState, string> = {
  'signed-out': '#8b95a3',
  idle: '#4b5563',
  ringing: '#15803d',
  'in-call': '#1d4ed8',
  offline: '#c92a2a',
  paused: '#b45309',
}

const WHITE = hex('#ffffff')

/**
 * Windows and Linux: a coloured disc with the white glyph, readable on light and on
 * dark panels. Signed out is only a grey ring with a grey handset: nothing is live.
 */
export function discLayers(state: TrayIconState): Layer[] {
  const colour = hex(DISC[state])
  const toGlyph = (x: number, y: number): [number, number] => [
    12 + (x - 12) / 0.7,
    12 + (y - 12) / 0.7,
  ]
  // The gap around a marker is painted in the disc's colour: erasing would hole the disc.
  const scaled = (layer: Layer): Layer => ({
    shape: transform(layer.shape, toGlyph),
    color: 'erase' in layer ? colour : layer.color,
  })
  if (state === 'signed-out') {
    return [
      { shape: outline(circle(12, 12, 11), 2), color: colour },
      ...glyphLayers('idle', colour).map(scaled),
    ]
  }
  return [
    { shape: circle(12, 12, 12), color: colour },
    ...glyphLayers(state, WHITE, true).map(scaled),
  ]
}

/** The app icon (notifications, window): the idle disc. */
export function appIconLayers(): Layer[] {
  return [{ shape: circle(12, 12, 12), color: hex('#1d4ed8') }, ...discLayers('idle').slice(1)]
}
