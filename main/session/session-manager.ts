// Sign-in, restore and sign-out for the shell: checks credentials with the server,
// keeps them through the vault, and remembers the server in the settings. The
// token stays in this process; logs name the host and user, never a secret.
import type { SignInResult } from '../../common/ipc-contract'
import type { DdpSignIn } from '../core/realtime/ddp-sign-in'
import type { Credentials } from '../core/rocketchat-client'
import type { ServerUrl } from '../core/server-url'
import { describeApiError } from '../core/api-errors'
import type { SettingsStore } from '../settings/settings-types'
import type { CredentialVault } from './credential-vault'
import type { ActiveSession, Logger, SessionManager } from './session-types'
import { checkSignInInput } from './sign-in-input'
import { failure } from './sign-in-errors'
import { t } from '../../common/i18n'
import { verifySignIn, type SignInClient } from './sign-in'

export interface SessionManagerDeps {
  settings: SettingsStore
  vault: CredentialVault
  createClient: (server: ServerUrl, credentials?: Credentials) => SignInClient
  /** The password login over DDP, for servers whose REST login no longer says that 2FA is needed. */
  ddpSignIn?: (server: ServerUrl) => DdpSignIn
  log: Logger
  now: () => number
}

type SignInOutcome = { result: SignInResult; session: ActiveSession | null }

export function createSessionManager(deps: SessionManagerDeps): SessionManager {
  const { settings, vault, log } = deps
  let reason: string | null = null
  let signingIn = false

  async function signIn(input: unknown): Promise<SignInOutcome> {
    // The form disables its button while waiting; a second request would race the first.
    if (signingIn) {
      return { result: failure(null, t('signInError.alreadySigningIn')), session: null }
    }
    signingIn = true
    try {
      return await checkAndKeep(input)
    } finally {
      signingIn = false
    }
  }

  async function checkAndKeep(input: unknown): Promise<SignInOutcome> {
    const checked = checkSignInInput(input)
    if (!checked.ok) {
      return { result: { ok: false, kind: 'error', ...checked.error }, session: null }
    }
    const { server, method } = checked.value
    const required = requiredServer()
    if (required !== null && required !== server.base) {
      const message = `Your administrator set the server to ${required}.`
      return { result: failure('serverUrl', message), session: null }
    }
    const client = deps.createClient(server)
    const askOverDdp = deps.ddpSignIn?.(server)
    const verified = await verifySignIn(checked.value, client, deps.now, askOverDdp).finally(() =>
      client.close(),
    )
    if (!verified.ok) {
      const outcome =
        verified.error.kind === 'error' ? verified.error.message : 'a two-factor code is needed'
      log.info(`Sign-in to ${server.host} did not complete: ${outcome}`)
      return { result: verified.error, session: null }
    }
    const { credentials, user } = verified.value
    const storage = await vault.save({ server, method, user, credentials })
    const saved = settings.update({ serverUrl: server.base })
    if (!saved.ok) log.warn(`The server address was not saved: ${saved.error}`)
    reason = null
    log.info(`Signed in to ${server.host} as ${user.username} (${method}, ${storage}).`)
    return { result: { ok: true }, session: { server, credentials, user, method, storage } }
  }

  async function restore(): Promise<ActiveSession | null> {
    const loaded = vault.load()
    if (!loaded.ok) {
      reason = loaded.error
      log.warn(`The saved sign-in was not restored: ${loaded.error}`)
      return null
    }
    if (!loaded.value) return null
    const { server, credentials, user, method, storage } = loaded.value
    const required = requiredServer()
    if (required !== null && required !== server.base) {
      vault.clear()
      reason = `Your administrator set the server to ${required}. Sign in there.`
      log.warn(`The saved sign-in for ${server.host} was dropped: the policy requires ${required}.`)
      return null
    }
    reason = null
    log.info(`Restored the sign-in to ${server.host} as ${user.username} (${method}, ${storage}).`)
    return { server, credentials, user, method, storage }
  }

  async function signOut(session: ActiveSession): Promise<void> {
    vault.clear()
    reason = null
    log.info(`Signed out of ${session.server.host}.`)
    // Only a password login created its token; a personal access token is the agent's to keep.
    if (session.method !== 'password') return
    const client = deps.createClient(session.server, session.credentials)
    const revoked = await client.logout().finally(() => client.close())
    if (!revoked.ok) {
      log.warn(
        `The sign-in token could not be revoked on ${session.server.host}: ${describeApiError(revoked.error, deps.now())}`,
      )
    }
  }

  async function forgetRejected(): Promise<void> {
    vault.clear()
    reason = 'The server no longer accepts the saved sign-in. Sign in again.'
    log.info('The server rejected the saved sign-in; it was forgotten.')
  }

  /** The server the administrator's policy locks the app to, if any. */
  function requiredServer(): string | null {
    return settings.locked().has('serverUrl') ? settings.get().serverUrl : null
  }

  return {
    restore,
    signIn,
    signOut,
    forgetRejected,
    lastServerUrl: () => settings.get().serverUrl,
    signedOutReason: () => reason,
  }
}
