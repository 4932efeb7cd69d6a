// The session services as the packaged app builds them, from Electron: safeStorage
// for the token, userData for settings.json, a message box for the storage question
// and net.fetch for every request. Call after `app.whenReady()`: safeStorage and net
// work only from then on.
import { app, dialog, net, safeStorage, type BaseWindow } from 'electron'
import type { SocketRouter } from '../core/realtime/socket-route'
import { createFetchAdapter } from '../net/electron-fetch-adapter'
import type { AdminPolicy } from '../settings/admin-policy'
import { openElectronSettingsStore } from '../settings/electron-settings-store'
import { assembleSessionServices } from './assemble'
import { safeStorageCipher, storageChoiceDialog } from './electron-adapters'
import type { Logger, SessionServices } from './session-types'

export type {
  ActiveSession,
  Logger,
  SessionManager,
  SessionServices,
  SignedInUser,
} from './session-types'

export interface SessionServicesDeps {
  /** Told what happened (sign-ins, a broken settings file); never a secret. */
  logger: Logger
  /** The administrator's presets and locks (main/policy resolves them before). */
  policy: AdminPolicy | null
  /** The window to attach the "keep your sign-in?" question to; none means app-modal. */
  dialogParent?: () => BaseWindow | null
  /** The realtime stream's route (system proxy, certificates), for the sign-in's one DDP question. */
  socketRouter?: SocketRouter
}

export function createSessionServices(deps: SessionServicesDeps): SessionServices {
  return assembleSessionServices({
    directory: app.getPath('userData'),
    openStore: openElectronSettingsStore,
    policy: deps.policy,
    cipher: safeStorageCipher(safeStorage, process.platform),
    askStorageChoice: storageChoiceDialog(dialog, deps.dialogParent ?? (() => null)),
    adapter: createFetchAdapter((input, init) => net.fetch(input, init)),
    ...(deps.socketRouter && { socketRouter: deps.socketRouter }),
    userAgent: `CallTray/${app.getVersion()}`,
    log: deps.logger,
  })
}
