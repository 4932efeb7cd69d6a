// Every sentence and number format the window shows, written once.
import type { Call, CallPeer, ConnectionStatus, RecentOutcome } from '../../common/calls'
import type { PauseState } from '../../common/ipc-contract'
import { clockTime, t } from '../../common/i18n'
import type { MessageKey } from '../../common/i18n/catalog'

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** Ringing reads 0:12, a call in progress 04:12; both grow to 1:04:12 past the hour. */
export function formatElapsed(ms: number, minutes: 'short' | 'padded'): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h}:${pad2(m)}:${pad2(s)}`
  return `${minutes === 'padded' ? pad2(m) : m}:${pad2(s)}`
}

export function callTimerText(call: Call, now: number): string {
  return formatElapsed(now - call.since, call.state === 'active' ? 'padded' : 'short')
}

export function formatRetry(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000)
  if (seconds <= 0) return t('status.retryingNow')
  if (seconds < 60) return t('status.retryingInSeconds', { seconds })
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest === 0
    ? t('status.retryingInMinutes', { minutes })
    : t('status.retryingInMinutesSeconds', { minutes, seconds: rest })
}

export type BadgeTone = 'incoming' | 'calling' | 'connecting' | 'active'

export function callBadge(call: Call): { label: string; tone: BadgeTone } {
  if (call.state === 'active') return { label: t('calls.badgeActive'), tone: 'active' }
  if (call.state === 'connecting') {
    return { label: t('calls.badgeConnecting'), tone: 'connecting' }
  }
  return call.direction === 'incoming'
    ? { label: t('calls.badgeIncoming'), tone: 'incoming' }
    : { label: t('calls.badgeCalling'), tone: 'calling' }
}

export const isRingingIncoming = (call: Call): boolean =>
  call.state === 'ringing' && call.direction === 'incoming'

export const directionLabel = (direction: Call['direction']): string =>
  direction === 'incoming' ? t('calls.directionIncoming') : t('calls.directionOutgoing')

/** The second line under a name: @username or the extension, unless the name already is it. */
export function peerHandle(peer: CallPeer): string | null {
  const handle = peer.username
    ? `@${peer.username}`
    : peer.sipExtension
      ? t('calls.extension', { extension: peer.sipExtension })
      : null
  const name = peer.displayName
  if (!handle || name === handle || name === peer.username || name === peer.sipExtension) {
    return null
  }
  return handle
}

/** One or two letters for the avatar; symbols and markup-looking text are skipped. */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((c): c is string => c !== undefined)
  const first = letters[0]
  if (first === undefined) return '?'
  const last = letters.length > 1 ? letters[letters.length - 1] : undefined
  return (first + (last ?? '')).toLocaleUpperCase()
}

const OUTCOMES = {
  missed: 'outcome.missed',
  'answered-elsewhere': 'outcome.answeredElsewhere',
  ended: 'outcome.ended',
  declined: 'outcome.declined',
} as const satisfies Record<RecentOutcome, MessageKey>
export const outcomeText = (outcome: RecentOutcome): string => t(OUTCOMES[outcome])

/** 14:30 today, or "Sat 09:00" when it falls on another day (a pause can last 24 h). */
export const formatClockTime = clockTime

export function pauseText(pause: PauseState, now: number): string {
  return pause.until === null
    ? t('pause.bannerUntilResumed')
    : t('pause.bannerUntil', { time: formatClockTime(pause.until, now) })
}

/** The host shown in the header and messages; falls back to what the user typed. */
export function hostOf(serverUrl: string): string {
  for (const candidate of [serverUrl, `https://${serverUrl}`]) {
    try {
      const host = new URL(candidate).host
      if (host) return host
    } catch {
      // Not a URL in this form; try the next one.
    }
  }
  return serverUrl
}

type NotOnline = Exclude<ConnectionStatus, { state: 'online' } | { state: 'unauthorized' }>

export interface StatusCopy {
  title: string
  body: string
  detail: string | null
  retryAt: number | null
}

export function statusCopy(status: NotOnline, host: string): StatusCopy {
  switch (status.state) {
    case 'connecting':
      return {
        title: t('status.connectingTitle'),
        body: t('status.connectingBody', { host }),
        detail: null,
        retryAt: null,
      }
    case 'offline':
      return {
        title: t('status.offlineTitle'),
        body: t('status.offlineBody', { host }),
        detail: status.detail || null,
        retryAt: status.retryAt,
      }
    case 'rate-limited':
      return {
        title: t('status.rateLimitedTitle'),
        body: t('status.rateLimitedBody', { host }),
        detail: status.detail || null,
        retryAt: status.retryAt,
      }
    case 'unsupported':
      return {
        title: t('status.unsupportedTitle'),
        body: t('status.unsupportedBody', { host }),
        detail: status.detail || null,
        retryAt: null,
      }
  }
}
