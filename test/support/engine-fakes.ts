// A scripted server and realtime stream for engine tests that drive many calls at once.
import type { ApiError } from '../../main/core/api-errors'
import type { ServerMediaCall } from '../../main/core/api-schemas'
import type { CallsApi, RealtimeHealth, RealtimeSource } from '../../main/core/call-engine'
import { err, ok, type Result } from '../../main/core/result'
import type {
  CallEnding,
  CallHistory,
  CallsSnapshot,
  Reply,
} from '../../main/core/rocketchat-client'
import type { TrackerSignal } from '../../main/core/tracker-signals'

/** Answers every state poll with `calls` and `unreadable`; counts what it was asked. */
export class ScriptedCallsApi implements CallsApi {
  calls: ServerMediaCall[] = []
  unreadable: CallsSnapshot['unreadable'] = []
  polls = 0
  historyRequests = 0

  async getCallsState(): Promise<Reply<CallsSnapshot>> {
    this.polls++
    return {
      result: ok({ calls: this.calls, unreadable: this.unreadable, serverOffsetMs: 0 }),
      budget: null,
    }
  }

  async getCallEnding(): Promise<Reply<CallEnding | null>> {
    return { result: ok(null), budget: null }
  }

  async getCallHistory(): Promise<Reply<CallHistory | null>> {
    this.historyRequests++
    return { result: ok(null), budget: null }
  }

  async rejectCall(): Promise<Result<void, ApiError>> {
    return err({ kind: 'rejected', status: 400, code: 'not-in-this-test' })
  }
}

export class ScriptedStream implements RealtimeSource {
  private readonly signalListeners = new Set<(signal: TrackerSignal) => void>()
  private readonly healthListeners = new Set<(health: RealtimeHealth) => void>()
  start(): void {}
  stop(): void {}
  reconnect(): void {}
  onSignal(listener: (signal: TrackerSignal) => void): () => void {
    this.signalListeners.add(listener)
    return () => this.signalListeners.delete(listener)
  }
  onHealth(listener: (health: RealtimeHealth) => void): () => void {
    this.healthListeners.add(listener)
    return () => this.healthListeners.delete(listener)
  }
  push(signal: TrackerSignal): void {
    for (const listener of this.signalListeners) listener(signal)
  }
  health(health: RealtimeHealth): void {
    for (const listener of this.healthListeners) listener(health)
  }
}
