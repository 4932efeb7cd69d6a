// The headless runner's stdout contract: one JSON object per line, printed only
// when something changes. Other tools parse these lines; keep the shapes exact.
import type { Call, ConnectionStatus } from '../../common/calls'
import type { EngineEvent } from '../core/call-engine'

export type OutputLine =
  | { type: 'status'; state: ConnectionStatus['state']; detail?: string; realtime: boolean }
  | { type: 'calls'; calls: CallLine[] }
  | {
      type: 'notification'
      event: 'incoming-call' | 'missed-call'
      callId: string
      title: string
      body: string
    }
  | { type: 'notification-closed'; callId: string }
  | { type: 'notification-summary'; ringing: number; title: string; body: string }
  | { type: 'notification-summary-closed' }

export interface CallLine {
  id: string
  direction: Call['direction']
  state: Call['state']
  peer: { id: string; displayName: string; username: string | null }
  features: string[]
  since: string
}

/**
 * Maps engine events to output lines. A status line carries whether the realtime
 * stream is up, and prints when the state, its detail or the stream changes.
 */
export function createLineMapper(): (event: EngineEvent) => OutputLine | null {
  let status: ConnectionStatus = { state: 'connecting' }
  let realtime = false
  let lastStatusLine = ''
  const statusLineIfChanged = (): OutputLine | null => {
    const line: OutputLine = {
      type: 'status',
      state: status.state,
      ...('detail' in status ? { detail: status.detail } : {}),
      realtime,
    }
    const key = JSON.stringify(line)
    if (key === lastStatusLine) return null
    lastStatusLine = key
    return line
  }
  return (event) => {
    switch (event.type) {
      case 'status':
        status = event.status
        return statusLineIfChanged()
      case 'realtime':
        realtime = event.healthy
        return statusLineIfChanged()
      case 'calls':
        return { type: 'calls', calls: event.calls.map(callLine) }
      case 'notification':
        return {
          type: 'notification',
          event: event.event,
          callId: event.call.id,
          title: event.title,
          body: event.body,
        }
      case 'notification-closed':
        return { type: 'notification-closed', callId: event.callId }
      case 'notification-summary':
        return {
          type: 'notification-summary',
          ringing: event.ringing,
          title: event.title,
          body: event.body,
        }
      case 'notification-summary-closed':
        return { type: 'notification-summary-closed' }
      case 'recent':
        return null
    }
  }
}

function callLine(call: Call): CallLine {
  return {
    id: call.id,
    direction: call.direction,
    state: call.state,
    peer: { id: call.peer.id, displayName: call.peer.displayName, username: call.peer.username },
    features: call.features,
    since: new Date(call.since).toISOString(),
  }
}
