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

/** Several calls missed while the app could not see them: one notice, not a burst. */
export function missedWhileAwayText(calls: readonly Call[]): NotificationText {
  const names = calls.slice(0, 2).map((call) => call.peer.displayName)
  const more = calls.length - names.length
  return {
    title: `${calls.length} missed calls while you were away`,
    body: joinParts(
      more > 0 ? `${names.join(', ')} and ${more} more` : names.join(' and '),
      'Call back from Rocket.Chat',
    ),
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
