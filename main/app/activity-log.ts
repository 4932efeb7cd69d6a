// The lines the log gets for what the agent lived through: one per status change and
// one per notification shown or withdrawn, never one per poll. Only call ids, kinds
// and our own status texts: no names of callers, no server answers, no secrets.
import type { ConnectionStatus } from '../../common/calls'
import type { NotificationRequest } from './ports'

/** A status as the log tells it; equal lines are one change (a new retry time is not). */
export function statusLine(status: ConnectionStatus): string {
  switch (status.state) {
    case 'connecting':
      return `status: ${status.state}`
    case 'online':
      return status.notice ? `status: online (${status.notice})` : 'status: online'
    // Its detail counts the seconds down, which is no change of status.
    case 'rate-limited':
      return 'status: rate-limited (the server asked us to slow down)'
    default:
      return `status: ${status.state} (${status.detail})`
  }
}

export function notificationShownLine(request: NotificationRequest): string {
  return `notification: ${request.kind} for call ${request.callId}`
}

export function notificationClosedLine(callId: string): string {
  return `notification withdrawn for call ${callId}`
}
