// The ringtone plays in a hidden, sandboxed page (the main process has no audio
// output): starting opens the page, stopping closes it, so nothing keeps playing when
// the call stops ringing. The page needs no preload and no IPC: the volume rides in
// the URL fragment.
import { BrowserWindow } from 'electron'
import type { Logger } from '../app/logger'
import type { Ringtone } from '../app/ports'
import { secureWebPreferences } from '../window/web-security'

export function createElectronRingtone(options: { pageUrl: string; logger: Logger }): Ringtone {
  let player: BrowserWindow | null = null
  return {
    start(volume) {
      if (player && !player.isDestroyed()) return
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
      const url = `${options.pageUrl}#volume=${volume.toFixed(2)}`
      window.loadURL(url).catch((error: unknown) => {
        options.logger.error(`The ringtone page did not load: ${String(error)}`)
      })
    },
    stop() {
      const window = player
      player = null
      if (window && !window.isDestroyed()) window.destroy()
    },
  }
}
