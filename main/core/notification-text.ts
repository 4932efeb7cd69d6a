// The words of every desktop notification, written once for the app and the
// headless runner alike.
import type { Call } from '../../common/calls'
import { listText, t } from '../../common/i18n'

export interface NotificationText {
  title: string
  body: string
}

export function incomingCallText(call: Call): NotificationText {
  return {
    title: t('notify.incomingTitle', { name: call.peer.displayName }),
    body: joinParts(peerDetail(call), t('notify.incomingBody')),
  }
}

export function missedCallText(call: Call): NotificationText {
  return {
    title: t('notify.missedTitle', { name: call.peer.displayName }),
    body: joinParts(peerDetail(call), t('notify.callBack')),
  }
}

/** Ringing calls beyond those with a notification of their own. */
export function summaryText(ringing: number): NotificationText {
  return {
    title: t('notify.summaryTitle', { count: ringing }),
    body: t('notify.summaryBody'),
  }
}

/** Several calls missed while the app could not see them: one notice, not a burst. */
export function missedWhileAwayText(calls: readonly Call[]): NotificationText {
  const names = calls.slice(0, 2).map((call) => call.peer.displayName)
  const more = calls.length - names.length
  return {
    title: t('notify.missedWhileAwayTitle', { count: calls.length }),
    body: joinParts(
      more > 0 ? t('notify.namesAndMore', { names: names.join(', '), more }) : listText(names),
      t('notify.callBack'),
    ),
  }
}

/** What identifies the caller beyond the name, unless the name already is it. */
function peerDetail(call: Call): string | null {
  const { displayName, username, sipExtension } = call.peer
  if (username && displayName !== `@${username}`) return `@${username}`
  if (sipExtension && displayName !== sipExtension)
    return t('notify.extension', { extension: sipExtension })
  return null
}

function joinParts(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join(' · ')
}
