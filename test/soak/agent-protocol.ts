// Messages between the soak's world (simulator, traffic, faults) and the agent: the
// app in a process of its own, so its heap is measured alone and a sleep can freeze
// it for real (SIGSTOP), timers and sockets included.
import type { SoakTimebase } from '../support/scaled-clock'

export interface AgentConfig {
  timebase: SoakTimebase
  serverUrl: string
  userId: string
  authToken: string
  logDirectory: string
}

export type WorldToAgent =
  | { type: 'start'; config: AgentConfig }
  /** The OS says it is about to sleep (powerMonitor 'suspend'); the world then freezes the process. */
  | { type: 'suspend' }
  | { type: 'wake' }
  | { type: 'clock-jump'; deltaMs: number }
  /** The agent clicks Decline on the call's notification. */
  | { type: 'decline'; callId: string }
  /** Heap in use after a full GC. */
  | { type: 'heap' }
  | { type: 'stop' }

export type AgentToWorld =
  | { type: 'started' }
  | { type: 'suspended' }
  | { type: 'notification-shown'; key: string; kind: string; callId: string }
  | { type: 'notification-closed'; key: string }
  | { type: 'heap'; bytes: number }
  | { type: 'stopped' }
