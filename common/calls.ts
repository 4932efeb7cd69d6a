// What the agent sees of a call: the engine's normalized view, shared by main,
// the headless runner and the renderer. Times are epoch milliseconds on the
// local clock (the server's clock offset is already applied).

export type CallDirection = 'incoming' | 'outgoing'

/** `ringing` covers the server's `none` and `ringing`; `connecting` is `accepted`. */
export type CallState = 'ringing' | 'connecting' | 'active'

export interface CallPeer {
  /** Rocket.Chat user id, or the SIP extension for a SIP party. */
  id: string
  /** Never empty: display name, else @username, else SIP extension, else "Unknown caller". */
  displayName: string
  username: string | null
  sipExtension: string | null
  kind: 'user' | 'sip'
}

export interface Call {
  id: string
  direction: CallDirection
  state: CallState
  peer: CallPeer
  /** Server feature names, e.g. `audio`, `screen-share`, `transfer`, `hold`. */
  features: string[]
  /** When the current state began (local clock). */
  since: number
}

export type RecentOutcome = 'missed' | 'answered-elsewhere' | 'ended' | 'declined'

/**
 * What the desk was doing while a missed call rang, when known: Call Tray not running,
 * the computer asleep, no working channel to the server, the realtime stream down (polling
 * alone, so a short ring may pass between two checks), notifications paused, or the
 * operating system's do-not-disturb.
 */
export type MissedReason =
  'not-running' | 'asleep' | 'offline' | 'stream-down' | 'notifications-paused' | 'do-not-disturb'

export interface RecentCall {
  id: string
  direction: CallDirection
  peer: CallPeer
  outcome: RecentOutcome
  endedAt: number
  /** Only on missed calls, and only when something explains the miss. */
  missedBecause?: MissedReason[]
}

/**
 * Online, yet worth a word: `reconcile-slowed` (the stream delivers, the server's checks
 * are throttled: said quietly in the window) or `polling-shared` (polling is the only
 * channel and other desks share its budget: calls may show late, said plainly).
 */
export type OnlineNotice = 'reconcile-slowed' | 'polling-shared'

/** The engine's connection to the server, as the tray, window and headless runner show it. */
export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'online'; notice?: OnlineNotice; detail?: string }
  | { state: 'offline'; detail: string; retryAt: number | null }
  | { state: 'rate-limited'; detail: string; retryAt: number }
  | { state: 'unauthorized'; detail: string }
  | { state: 'unsupported'; detail: string }
