// What the app needs of an engine: the part of CallEngine it drives, and a way to
// release what the engine used once the session ends.
import type { EngineEvent } from '../core/call-engine'
import type { Result } from '../core/result'
import type { SelfTestPorts } from '../core/self-test'

/** The part of CallEngine the app drives. */
export interface EngineHandle {
  on(listener: (event: EngineEvent) => void): () => void
  start(): void
  stop(): void
  pause(): void
  resume(): void
  refresh(): void
  setFloorInterval(ms: number): void
  decline(callId: string): Promise<Result<void, string>>
}

export interface RunningEngine {
  engine: EngineHandle
  /** Releases what the engine used (the client's kept-alive sockets). */
  dispose(): void
  /** What "Test ring" asks of this session's server. */
  selfTest?: EngineSelfTestPorts
}

export type EngineSelfTestPorts = Pick<
  SelfTestPorts,
  'serverInfo' | 'signedIn' | 'voice' | 'realtime' | 'rateLimit'
>
