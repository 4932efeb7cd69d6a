// The headless runner's stdout contract: one JSON object per line, printed only
// when something changes. Other tools parse these lines; keep the shapes exact.
import type { Call, ConnectionStatus } from '../../common/calls'
import type { EngineEvent } from '../core/call-engine'

export type OutputLine =
  | { type: 'status'; state: ConnectionStatus['state']; detail?: string }
  | { type: 'calls'; calls: CallLine[] }
  | {
      type: 'notification'
      event: 'incoming-call' | 'missed-call'
      callId: string
      title: string
      body: string
    }
  | { type: 'notification-closed'; callId: string }

export interface CallLine {
  id: string
  direction: Call['direction']
  state: Call['state']
  peer: { id: string; displayName: string; username: string | null }
  features: string[]
  since: string
}

/** Maps engine events to output lines; statuses print when their state or detail changes. */
export function createLineMapper(): (event: EngineEvent) => OutputLine | null {
  let lastStatus = ''
  return (event) => {
    switch (event.type) {
      case 'status': {
        const line = statusLine(event.status)
        const key = JSON.stringify(line)
        if (key === lastStatus) return null
        lastStatus = key
        return line
      }
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
      case 'recent':
        return null
    }
  }
}

function statusLine(status: ConnectionStatus): OutputLine {
  return 'detail' in status
    ? { type: 'status', state: status.state, detail: status.detail }
    : { type: 'status', state: status.state }
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
