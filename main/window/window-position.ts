// Where the call window appears: beside the tray icon, on the side of the screen the
// taskbar or menu bar is on, and always inside the display's work area (after
// menubar / electron-positioner). Where the platform hides the tray's bounds (most
// Linux desktops) the window is centered on the display.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Size {
  width: number
  height: number
}

export function windowPosition(input: { window: Size; workArea: Rect; tray: Rect | null }): {
  x: number
  y: number
} {
  const { window, workArea, tray } = input
  if (!tray) {
    return clamp(
      {
        x: workArea.x + (workArea.width - window.width) / 2,
        y: workArea.y + (workArea.height - window.height) / 2,
      },
      window,
      workArea,
    )
  }
  const trayCenter = { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 }
  let x = trayCenter.x - window.width / 2
  let y =
    trayCenter.y < workArea.y + workArea.height / 2 ? tray.y + tray.height : tray.y - window.height
  // A taskbar on the left or right edge: the tray sits outside the work area's width.
  if (tray.x + tray.width <= workArea.x) {
    x = workArea.x
    y = trayCenter.y - window.height / 2
  } else if (tray.x >= workArea.x + workArea.width) {
    x = workArea.x + workArea.width - window.width
    y = trayCenter.y - window.height / 2
  }
  return clamp({ x, y }, window, workArea)
}

function clamp(
  point: { x: number; y: number },
  window: Size,
  area: Rect,
): { x: number; y: number } {
  const x = Math.min(Math.max(point.x, area.x), area.x + area.width - window.width)
  const y = Math.min(Math.max(point.y, area.y), area.y + area.height - window.height)
  return { x: Math.round(Math.max(x, area.x)), y: Math.round(Math.max(y, area.y)) }
}
