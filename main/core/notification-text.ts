// The words of every desktop notification, written once for the app and the
// headless runner alike.
import type { Call } from '../../common/calls'

export interface NotificationText {
  title: string
  body: string
}

export function incomingCallText(call: Call): NotificationText {
  return {
    title: `Incoming call from ${call.peer.displayName}`,
    body: joinParts(peerDetail(call), 'Answer in Rocket.Chat'),
  }
}

export function missedCallText(call: Call): NotificationText {
  return {
    title: `Missed call from ${call.peer.displayName}`,
    body: joinParts(peerDetail(call), 'Call back from Rocket.Chat'),
  }
}

/** Ringing calls beyond those with a notification of their own. */
export function summaryText(ringing: number): NotificationText {
  return {
    title: `${ringing} more ${ringing === 1 ? 'call' : 'calls'} ringing`,
    body: 'Open Call Tray to see every ringing call',
  }
}

/** What identifies the caller beyond the name, unless the name already is it. */
function peerDetail(call: Call): string | null {
  const { displayName, username, sipExtension } = call.peer
  if (username && displayName !== `@${username}`) return `@${username}`
  if (sipExtension && displayName !== sipExtension) return `Extension ${sipExtension}`
  return null
}

function joinParts(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(' · ')
}
