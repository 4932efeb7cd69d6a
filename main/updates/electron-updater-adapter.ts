// The Updater port on electron-updater. The feed is set here at run time (setFeedURL):
// the installers carry no feed of their own (electron-builder.yml, `publish`), so an
// app without a policy feed never asks anyone. Code-signature and sha512 checks are
// electron-updater's defaults and stay on.
import type { AppUpdater, Logger as UpdaterLogger } from 'electron-updater'
import type { Logger } from '../app/logger'
import type { Updater } from './updater'

export function createElectronUpdater(updater: AppUpdater, logger: Logger): Updater {
  // The controller decides when to download (deferral) and when to restart (calls).
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = true
  updater.logger = quietLogger(logger)
  return {
    useFeed({ url, channel }) {
      // The channel goes with the feed, not `updater.channel`, whose setter also allows downgrades.
      updater.setFeedURL({ provider: 'generic', url, channel })
      updater.allowPrerelease = channel !== null
    },
    async check() {
      const result = await updater.checkForUpdates()
      if (!result?.isUpdateAvailable) return null
      const { version, releaseDate } = result.updateInfo
      return { version, releaseDate: typeof releaseDate === 'string' ? releaseDate : null }
    },
    async download() {
      await updater.downloadUpdate()
    },
    restartAndInstall() {
      // Silent (the agent already chose), and start Call Tray again afterwards.
      updater.quitAndInstall(true, true)
    },
  }
}

/** electron-updater narrates every step; the log keeps its warnings and errors only. */
function quietLogger(logger: Logger): UpdaterLogger {
  return {
    info() {},
    warn: (message: unknown) => logger.warn(`Updater: ${String(message)}`),
    error: (message: unknown) => logger.error(`Updater: ${String(message)}`),
  }
}
