// The ringtone plays in a hidden, sandboxed page (the main process has no audio
// output): starting opens the page, stopping closes it, so nothing keeps playing when
// the call stops ringing. The page needs no preload and no IPC: the volume rides in
// the URL fragment.
import { BrowserWindow } from 'electron'
import type { Logger } from '../app/logger'
import type { Ringtone } from '../app/ports'
import { systemClock, type Clock } from '../core/clock'
import { CrashReloader } from '../window/crash-reload'
import { secureWebPreferences } from '../window/web-security'

export function createElectronRingtone(options: {
  pageUrl: string
  logger: Logger
  /** For the pauses between restarts of a page that keeps crashing. */
  clock?: Clock
}): Ringtone {
  let player: BrowserWindow | null = null
  let playingVolume = 0
  // A sound page whose renderer died plays nothing: start a new one while the call rings.
  const reloader = new CrashReloader(options.clock ?? systemClock, () => {
    if (player === null) ringtone.start(playingVolume)
  })
  const ringtone: Ringtone = {
    start(volume) {
      if (player && !player.isDestroyed()) return
      playingVolume = volume
      const window = new BrowserWindow({
        show: false,
        width: 200,
        height: 100,
        skipTaskbar: true,
        focusable: false,
        webPreferences: secureWebPreferences({
          autoplayPolicy: 'no-user-gesture-required',
          backgroundThrottling: false,
        }),
      })
      player = window
      window.webContents.on('render-process-gone', (_event, details) => {
        if (player !== window) return
        player = null
        window.destroy()
        const delay = reloader.crashed()
        options.logger.error(
          `The ringtone page stopped (${details.reason}); restarting it in ${delay / 1000} s.`,
        )
      })
      const url = `${options.pageUrl}#volume=${volume.toFixed(2)}`
      window.loadURL(url).catch((error: unknown) => {
        options.logger.error(`The ringtone page did not load: ${String(error)}`)
      })
    },
    stop() {
      reloader.cancel()
      const window = player
      player = null
      if (window && !window.isDestroyed()) window.destroy()
    },
  }
  return ringtone
}
