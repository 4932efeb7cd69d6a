// The engine's ports and events: what it needs from the server and the realtime
// stream, and what it tells the adapters (tray, notifications, window, headless).
import type { Call, ConnectionStatus, RecentCall } from '../../common/calls'
import type { ApiError } from './api-errors'
import type { CloseReason } from './call-tracker'
import type { Clock } from './clock'
import type { DeskSignals } from './desk-timeline'
import type { AwayMarkStore, MissedCallsSource } from './missed-while-away'
import type { CallEndingSource, CallHistorySource } from './missed-call-resolver'
import type { Result } from './result'
import type { CallsSnapshot, Reply } from './rocketchat-client'
import type { TrackerSignal } from './tracker-signals'
import type { VoiceAvailabilitySource } from './voice-gate'

export interface CallsApi extends CallHistorySource, CallEndingSource {
  getCallsState(): Promise<Reply<CallsSnapshot>>
  rejectCall(callId: string, contractId: string): Promise<Result<void, ApiError>>
}

export type RealtimeHealth = 'connecting' | 'healthy' | 'down'

/** The realtime stream as the engine needs it (main/core/realtime implements it). */
export interface RealtimeSource {
  start(): void
  stop(): void
  onSignal(listener: (signal: TrackerSignal) => void): () => void
  onHealth(listener: (health: RealtimeHealth) => void): () => void
  /** Drop the connection and start over (after sleep, when it may be silently dead). */
  reconnect(): void
}

export type EngineEvent =
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'realtime'; healthy: boolean }
  | { type: 'calls'; calls: Call[] }
  | {
      type: 'notification'
      event: 'incoming-call' | 'missed-call'
      call: Call
      title: string
      body: string
    }
  | { type: 'notification-closed'; callId: string; reason: CloseReason }
  /** Ringing calls beyond the few with a notification of their own: one notification, replaced as the count changes. */
  | { type: 'notification-summary'; ringing: number; title: string; body: string }
  | { type: 'notification-summary-closed' }
  | { type: 'recent'; recent: RecentCall[] }

export interface EngineOptions {
  api: CallsApi
  /** The signed-in user: decides which calls are incoming. */
  userId: string
  /** Identifies this app to the server when it declines a call. */
  contractId: string
  clock: Clock
  floorIntervalMs?: number
  random?: () => number
  backoff?: { baseMs: number; capMs: number }
  historyRetryDelaysMs?: readonly number[]
  /** The fast path; polling stays as the safety net. */
  realtime?: RealtimeSource
  /** Whether this user can get voice calls at all; without it, the engine just polls. */
  voice?: VoiceAvailabilitySource
  /** Poll pace while the realtime stream is healthy (only to reconcile). */
  reconcileIntervalMs?: number
  /** Where the engine reports what it had to work around (never secrets). */
  warn?: (message: string) => void
  /** Where the engine says why a call was missed, by call id (never names). */
  info?: (message: string) => void
  /** Asks the server after each recovery for calls missed meanwhile (missed-while-away.ts). */
  away?: { source: MissedCallsSource; store: AwayMarkStore; account: string }
  /** What only the app knows of the desk, read when a call rings. */
  desk?: DeskSignals
}
