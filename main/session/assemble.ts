// Builds the session services from ports. index.ts passes Electron's; the tests
// pass a real-file store, a test cipher and Node's network stack, so they run the
// same wiring the app does.
import type { AxiosRequestConfig } from 'axios'
import { ddpSignIn } from '../core/realtime/ddp-sign-in'
import type { SocketRouter } from '../core/realtime/socket-route'
import { RocketChatClient } from '../core/rocketchat-client'
import { openSettings } from '../settings'
import type { AdminPolicy } from '../settings/admin-policy'
import type { KeyValueStore } from '../settings/key-value-store'
import type { SettingsFileOptions } from '../settings/settings-file-options'
import { CredentialVault, type AskStorageChoice } from './credential-vault'
import type { SecretCipher } from './secret-cipher'
import { createSessionManager } from './session-manager'
import type { Logger, SessionServices } from './session-types'

export interface SessionPorts {
  /** The folder settings.json lives in. */
  directory: string
  openStore: (options: SettingsFileOptions) => KeyValueStore
  policy: AdminPolicy | null
  cipher: SecretCipher
  askStorageChoice: AskStorageChoice
  /** For every REST client; left out, axios uses Node's own network stack. */
  adapter?: AxiosRequestConfig['adapter']
  /** How the sign-in's one DDP question reaches the server: the realtime stream's route. Left out, directly. */
  socketRouter?: SocketRouter
  userAgent?: string
  log: Logger
  now?: () => number
}

export function assembleSessionServices(ports: SessionPorts): SessionServices {
  const now = ports.now ?? Date.now
  const { settings, store } = openSettings({
    directory: ports.directory,
    openStore: ports.openStore,
    policy: ports.policy,
    log: ports.log,
    now,
  })
  const vault = new CredentialVault({
    store,
    cipher: ports.cipher,
    askStorageChoice: ports.askStorageChoice,
    now,
    log: ports.log,
  })
  const createClient: SessionServices['createClient'] = (server, credentials) =>
    new RocketChatClient({
      server,
      credentials,
      ...(ports.adapter !== undefined && { adapter: ports.adapter }),
      ...(ports.userAgent !== undefined && { userAgent: ports.userAgent }),
    })
  const sessions = createSessionManager({
    settings,
    vault,
    createClient,
    ddpSignIn: (server) =>
      ddpSignIn({
        server,
        now,
        ...(ports.socketRouter && { route: ports.socketRouter }),
        ...(ports.userAgent !== undefined && { userAgent: ports.userAgent }),
      }),
    log: ports.log,
    now,
  })
  return { sessions, settings, createClient }
}
