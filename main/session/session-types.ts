// The boundary between the desktop shell and sign-in/credential storage. The shell
// (main/index.ts, IPC, tray) only sees these types; main/session implements them.
import type { SignInInput, SignInResult } from '../../common/ipc-contract'
import type { Credentials, RocketChatClient } from '../core/rocketchat-client'
import type { ServerUrl } from '../core/server-url'
import type { SettingsStore } from '../settings/settings-types'

/** Where sessions and settings report what happened; never given a secret. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
}

export interface SignedInUser {
  id: string
  username: string
  displayName: string
}

/** A signed-in session: lives in main-process memory only; the token never leaves main. */
export interface ActiveSession {
  server: ServerUrl
  credentials: Credentials
  user: SignedInUser
  /** Password logins created the token, so sign-out revokes it; personal access tokens are left alone. */
  method: 'token' | 'password'
  /**
   * Where the secret is kept: encrypted on disk by the OS keyring; on disk although the
   * system has no real keyring (Linux `basic_text`, or no encryption), because the agent
   * chose "store anyway"; or only in memory for this session.
   */
  storage: 'encrypted' | 'weakly-protected' | 'session-only'
}

export interface SessionManager {
  /** The stored session from the last run, if any (credentials decrypted in memory). */
  restore(): Promise<ActiveSession | null>
  /** Checks the credentials against the server and stores them; never logs them. */
  signIn(input: SignInInput): Promise<{ result: SignInResult; session: ActiveSession | null }>
  /** Forgets the credentials (and revokes a password login's token on the server). Keeps the server URL. */
  signOut(session: ActiveSession): Promise<void>
  /** Forgets the stored secret after the server rejected it (401), keeping the server URL. */
  forgetRejected(): Promise<void>
  /** The last server the agent used, for the sign-in form. */
  lastServerUrl(): string | null
  /**
   * Why the agent is signed out without having chosen to be (the saved secret was
   * written by another keyring or no longer decrypts, the server rejected it, the
   * administrator moved the server), for the sign-in notice; null otherwise.
   */
  signedOutReason(): string | null
}

/** What main/session/index.ts builds (after `app.whenReady()`) for the shell to wire. */
export interface SessionServices {
  sessions: SessionManager
  settings: SettingsStore
  /** A REST client for a server; in the packaged app it speaks through Electron's network stack. */
  createClient(server: ServerUrl, credentials?: Credentials): RocketChatClient
}
