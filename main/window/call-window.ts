// The small call window beside the tray. Closing it hides it (the app lives in the
// tray); only quitting closes it for good. Its page comes from the renderer build and
// talks to main only through the preload's `window.callTray`.
import { BrowserWindow, screen, type Rectangle, type WebContents } from 'electron'
import type { AppState, PushChannels } from '../../common/ipc-contract'
import { APP_NAME } from '../app/app-id'
import type { Logger } from '../app/logger'
import { systemClock, type Clock } from '../core/clock'
import type { Attention } from '../alerting/ports'
import type { CallWindow } from '../app/ports'
import type { RendererPages } from './renderer-pages'
import { CrashReloader } from './crash-reload'
import { secureWebPreferences } from './web-security'
import { windowPosition } from './window-position'

export const WINDOW_SIZE = { width: 360, height: 480 }

export interface ElectronCallWindowOptions {
  preloadPath: string
  pages: RendererPages
  /** The tray icon's bounds, null where the platform does not tell. */
  trayBounds(): Rectangle | null
  logger: Logger
  /** For the pauses between reloads of a page that keeps crashing. */
  clock?: Clock
  /** macOS: bounce the Dock icon until the app is focused (app.dock.bounce('critical')). */
  bounceDock?: () => void
}

export interface ElectronCallWindow extends CallWindow, Attention {
  /** The window's WebContents, to check IPC senders against; null once destroyed. */
  webContents(): WebContents | null
  /** The BrowserWindow, for dialogs that belong to it; null once destroyed. */
  nativeWindow(): BrowserWindow | null
  /** From now on closing really closes (the app is quitting). */
  allowClose(): void
}

export function createElectronCallWindow(options: ElectronCallWindowOptions): ElectronCallWindow {
  let quitting = false
  const window = new BrowserWindow({
    ...WINDOW_SIZE,
    // The page gets the full 360×480 (the renderer is laid out for it), frame or not.
    useContentSize: true,
    show: false,
    title: APP_NAME,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences({ preload: options.preloadPath }),
  })
  window.removeMenu()
  window.on('close', (event) => {
    if (quitting) return
    event.preventDefault()
    window.hide()
  })
  const load = () => {
    if (window.isDestroyed()) return
    window.loadURL(options.pages.url('window')).catch((error: unknown) => {
      options.logger.error(`The call window's page did not load: ${String(error)}`)
    })
  }
  const reloader = new CrashReloader(options.clock ?? systemClock, load)
  window.webContents.on('render-process-gone', (_event, details) => {
    const delay = reloader.crashed()
    options.logger.error(
      `The call window's page stopped (${details.reason}); reloading it in ${delay / 1000} s.`,
    )
  })
  window.webContents.on('unresponsive', () => {
    options.logger.warn("The call window's page is not responding.")
  })
  window.on('closed', () => reloader.cancel())
  load()

  const place = () => {
    const tray = options.trayBounds()
    const anchor = tray
      ? { x: tray.x + tray.width / 2, y: tray.y + tray.height / 2 }
      : screen.getCursorScreenPoint()
    const { workArea } = screen.getDisplayNearestPoint(anchor)
    const { x, y } = windowPosition({ window: WINDOW_SIZE, workArea, tray })
    window.setPosition(x, y)
  }
  const show = () => {
    if (window.isDestroyed()) return
    place()
    window.show()
    window.focus()
  }

  return {
    show,
    toggle() {
      if (window.isDestroyed()) return
      if (window.isVisible()) window.hide()
      else show()
    },
    showCall(callId) {
      show()
      if (!window.isDestroyed()) push(window.webContents, 'call:focus', callId)
    },
    send(state: AppState) {
      if (window.isDestroyed()) return
      push(window.webContents, 'state:changed', state)
    },
    // flashFrame sets the urgency hint on Linux and flashes the taskbar button on Windows.
    flash() {
      if (window.isDestroyed()) return
      window.flashFrame(true)
      options.bounceDock?.()
    },
    // Shown without the keyboard focus: the agent may be typing elsewhere.
    showOnTop() {
      if (window.isDestroyed()) return
      if (!window.isVisible()) place()
      window.setAlwaysOnTop(true)
      window.showInactive()
    },
    calm() {
      if (window.isDestroyed()) return
      window.flashFrame(false)
      window.setAlwaysOnTop(false)
    },
    webContents: () => (window.isDestroyed() ? null : window.webContents),
    nativeWindow: () => (window.isDestroyed() ? null : window),
    allowClose() {
      quitting = true
    },
  }
}

function push<C extends keyof PushChannels>(
  contents: WebContents,
  channel: C,
  payload: PushChannels[C],
): void {
  contents.send(channel, payload)
}
