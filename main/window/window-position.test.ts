import { describe, expect, it } from 'vitest'
import { windowPosition } from './window-position'

const window = { width: 360, height: 480 }
const screen = { x: 0, y: 0, width: 1920, height: 1080 }

describe('windowPosition', () => {
  it('hangs below a macOS menu bar icon, centred on it', () => {
    const workArea = { x: 0, y: 25, width: 1920, height: 1055 }
    expect(
      windowPosition({ window, workArea, tray: { x: 1500, y: 0, width: 24, height: 24 } }),
    ).toEqual({ x: 1332, y: 25 })
  })

  it('stands on a bottom taskbar, kept inside the screen at the corner', () => {
    const workArea = { ...screen, height: 1040 }
    expect(
      windowPosition({ window, workArea, tray: { x: 1880, y: 1045, width: 24, height: 30 } }),
    ).toEqual({ x: 1560, y: 560 })
  })

  it('sits beside a taskbar on the left or right', () => {
    const left = { x: 60, y: 0, width: 1860, height: 1080 }
    expect(
      windowPosition({ window, workArea: left, tray: { x: 18, y: 1000, width: 24, height: 24 } }),
    ).toEqual({ x: 60, y: 600 })
    const right = { x: 0, y: 0, width: 1860, height: 1080 }
    expect(
      windowPosition({ window, workArea: right, tray: { x: 1878, y: 500, width: 24, height: 24 } }),
    ).toEqual({ x: 1500, y: 272 })
  })

  it('hangs below a top panel', () => {
    const workArea = { x: 0, y: 32, width: 1920, height: 1048 }
    expect(
      windowPosition({ window, workArea, tray: { x: 100, y: 4, width: 24, height: 24 } }),
    ).toEqual({ x: 0, y: 32 })
  })

  it('is centred on the display where the tray gives no bounds (Linux)', () => {
    expect(
      windowPosition({
        window,
        workArea: { x: 1920, y: 0, width: 1280, height: 1024 },
        tray: null,
      }),
    ).toEqual({ x: 2380, y: 272 })
  })

  it('never leaves a screen smaller than the window', () => {
    expect(
      windowPosition({ window, workArea: { x: 0, y: 0, width: 300, height: 400 }, tray: null }),
    ).toEqual({ x: 0, y: 0 })
  })
})
