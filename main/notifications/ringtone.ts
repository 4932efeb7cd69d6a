// The ringtone plays in a hidden, sandboxed page (the main process has no audio
// output): starting opens the page, stopping closes it, so nothing keeps playing when
// the call stops ringing. What to play rides in the URL fragment; the page's preload
// only reports back (its outputs, where it plays), checked against the page that sent
// it and parsed with the contract's schemas.
import { isDeepStrictEqual } from 'node:util'
import { BrowserWindow, type IpcMain, type IpcMainEvent } from 'electron'
import {
  soundReportSchemas,
  type AudioOutput,
  type SoundReportChannels,
} from '../../common/ipc-contract'
import type { PlaybackReport, RingRequest, Ringtone } from '../alerting/ports'
import type { Logger } from '../app/logger'
import { systemClock, type Clock } from '../core/clock'
import { CrashReloader } from '../window/crash-reload'
import { secureWebPreferences } from '../window/web-security'
import { soundPageUrl, type SoundPageMode } from './sound-page-url'

/** How long a page gets to report before main stops waiting. */
export const REPORT_TIMEOUT_MS = 3_000

export interface ElectronRingtoneOptions {
  pageUrl: string
  preloadPath: string
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>
  logger: Logger
  /** For the pauses between restarts of a page that keeps crashing, and report timeouts. */
  clock?: Clock
}

export function createElectronRingtone(options: ElectronRingtoneOptions): Ringtone {
  const clock = options.clock ?? systemClock
  let player: BrowserWindow | null = null
  let playing: RingRequest | null = null
  // A sound page whose renderer died plays nothing: start a new one while the call rings.
  const reloader = new CrashReloader(clock, () => {
    if (player === null && playing) ringtone.start(playing)
  })

  const open = (mode: SoundPageMode, request: RingRequest | null): BrowserWindow => {
    const window = new BrowserWindow({
      show: false,
      width: 200,
      height: 100,
      skipTaskbar: true,
      focusable: false,
      webPreferences: secureWebPreferences({
        preload: options.preloadPath,
        autoplayPolicy: 'no-user-gesture-required',
        backgroundThrottling: false,
      }),
    })
    window.loadURL(soundPageUrl(options.pageUrl, mode, request)).catch((error: unknown) => {
      options.logger.error(`The ringtone page did not load: ${String(error)}`)
    })
    return window
  }

  /** The first report of `channel` from `window`, or null after the timeout. */
  const reportFrom = <C extends keyof SoundReportChannels>(
    window: BrowserWindow,
    channel: C,
  ): Promise<SoundReportChannels[C] | null> =>
    new Promise((resolve) => {
      const finish = (value: SoundReportChannels[C] | null) => {
        clock.clearTimeout(timer)
        options.ipcMain.removeListener(channel, listener)
        resolve(value)
      }
      const listener = (event: IpcMainEvent, payload: unknown) => {
        if (window.isDestroyed() || event.sender !== window.webContents) return
        const parsed = soundReportSchemas[channel].safeParse(payload)
        if (!parsed.success) {
          options.logger.warn(`The ringtone page sent an unreadable ${channel} report.`)
          return finish(null)
        }
        finish(parsed.data as SoundReportChannels[C])
      }
      const timer = clock.setTimeout(() => finish(null), REPORT_TIMEOUT_MS)
      options.ipcMain.on(channel, listener)
    })

  const close = (window: BrowserWindow) => {
    if (!window.isDestroyed()) window.destroy()
  }

  const ringtone: Ringtone = {
    start(request) {
      if (player && !player.isDestroyed()) {
        if (isDeepStrictEqual(request, playing)) return
        close(player)
      }
      playing = request
      const window = open('ring', request)
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
      void reportFrom(window, 'sound:playing').then((report) => {
        if (report?.fellBack) {
          options.logger.warn('The chosen ringer output is missing: ringing on the default output.')
        }
      })
    },
    stop() {
      reloader.cancel()
      const window = player
      player = null
      playing = null
      if (window) close(window)
    },
    async listOutputs(): Promise<AudioOutput[]> {
      const window = open('list', null)
      try {
        return (await reportFrom(window, 'sound:outputs')) ?? []
      } finally {
        close(window)
      }
    },
    async playFor(request, durationMs): Promise<PlaybackReport | null> {
      const window = open('ring', request)
      const report = await reportFrom(window, 'sound:playing')
      if (!report) {
        close(window)
        return null
      }
      await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), durationMs))
      close(window)
      return report
    },
  }
  return ringtone
}
