// Anti-aliased drawing with signed distance functions: a shape is a function from a
// point (in a 24×24 design grid) to its distance from the outline, negative inside.
// Each pixel is supersampled, so edges stay clean at 16 px.

export type Sdf = (x: number, y: number) => number
export type Rgba = readonly [number, number, number, number]

export const circle =
  (cx: number, cy: number, r: number): Sdf =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r

/** A line segment with round ends, `r` wide on each side. */
export const capsule =
  (ax: number, ay: number, bx: number, by: number, r: number): Sdf =>
  (x, y) => {
    const px = x - ax
    const py = y - ay
    const dx = bx - ax
    const dy = by - ay
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
    return Math.hypot(px - dx * t, py - dy * t) - r
  }

/** An arc of radius `radius` around (cx, cy) from angle `from` to `to` (degrees, y down), `r` thick each side, round ends. */
export const arc =
  (cx: number, cy: number, radius: number, from: number, to: number, r: number): Sdf =>
  (x, y) => {
    const angle = normalizeDegrees((Math.atan2(y - cy, x - cx) * 180) / Math.PI)
    const start = normalizeDegrees(from)
    const sweep = normalizeDegrees(to - from)
    if (normalizeDegrees(angle - start) <= sweep)
      return Math.abs(Math.hypot(x - cx, y - cy) - radius) - r
    const end = (degrees: number) => {
      const rad = (degrees * Math.PI) / 180
      return Math.hypot(x - (cx + radius * Math.cos(rad)), y - (cy + radius * Math.sin(rad))) - r
    }
    return Math.min(end(from), end(to))
  }

/** A rectangle with rounded corners, by centre and half sizes. */
export const roundedBox =
  (cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): Sdf =>
  (x, y) => {
    const qx = Math.abs(x - cx) - halfWidth + radius
    const qy = Math.abs(y - cy) - halfHeight + radius
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }

export const union =
  (...shapes: Sdf[]): Sdf =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)))

/** A union whose joins are rounded over about `k` units (polynomial smooth minimum). */
export const smoothUnion =
  (k: number, a: Sdf, b: Sdf): Sdf =>
  (x, y) => {
    const da = a(x, y)
    const db = b(x, y)
    const h = Math.max(0, Math.min(1, 0.5 + (0.5 * (db - da)) / k))
    return db * (1 - h) + da * h - k * h * (1 - h)
  }

export const subtract =
  (shape: Sdf, cut: Sdf): Sdf =>
  (x, y) =>
    Math.max(shape(x, y), -cut(x, y))

/** Grows (positive) or shrinks a shape: for knock-out gaps around overlays. */
export const grow =
  (shape: Sdf, by: number): Sdf =>
  (x, y) =>
    shape(x, y) - by

/** Only the outline, `width` wide, centred on the edge. */
export const outline =
  (shape: Sdf, width: number): Sdf =>
  (x, y) =>
    Math.abs(shape(x, y)) - width / 2

export const transform =
  (shape: Sdf, map: (x: number, y: number) => [number, number]): Sdf =>
  (x, y) =>
    shape(...map(x, y))

export type Layer = { shape: Sdf; color: Rgba } | { shape: Sdf; erase: true }

/** Renders layers (painted in order, `erase` cuts through what is below) to RGBA pixels. */
export function render(size: number, layers: readonly Layer[], samples = 8): Uint8Array {
  const out = new Uint8Array(size * size * 4)
  const scale = 24 / size
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const layer of layers) {
        const coverage = cover(layer.shape, px, py, scale, samples)
        if (coverage === 0) continue
        if ('erase' in layer) {
          r *= 1 - coverage
          g *= 1 - coverage
          b *= 1 - coverage
          a *= 1 - coverage
          continue
        }
        // Premultiplied "over".
        const alpha = (layer.color[3] / 255) * coverage
        r = layer.color[0] * alpha + r * (1 - alpha)
        g = layer.color[1] * alpha + g * (1 - alpha)
        b = layer.color[2] * alpha + b * (1 - alpha)
        a = alpha + a * (1 - alpha)
      }
      const i = (py * size + px) * 4
      out[i] = a > 0 ? Math.round(r / a) : 0
      out[i + 1] = a > 0 ? Math.round(g / a) : 0
      out[i + 2] = a > 0 ? Math.round(b / a) : 0
      out[i + 3] = Math.round(a * 255)
    }
  }
  return out
}

function cover(shape: Sdf, px: number, py: number, scale: number, samples: number): number {
  // Far enough from the edge, the pixel is wholly in or out: no need to sample it. The
  // margin allows for shapes scaled up by transforms (their distances are stretched).
  const centre = shape((px + 0.5) * scale, (py + 0.5) * scale)
  if (centre > 1.5 * scale) return 0
  if (centre < -1.5 * scale) return 1
  let inside = 0
  for (let sy = 0; sy < samples; sy += 1) {
    for (let sx = 0; sx < samples; sx += 1) {
      const x = (px + (sx + 0.5) / samples) * scale
      const y = (py + (sy + 0.5) / samples) * scale
      if (shape(x, y) <= 0) inside += 1
    }
  }
  return inside / (samples * samples)
}

function normalizeDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360
}

export function hex(color: string, alpha = 255): Rgba {
  const value = Number.parseInt(color.replace('#', ''), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha]
}
