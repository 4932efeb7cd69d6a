// The tray's icon and one-line tooltip as a pure function of the app state and the
// time, so every state can be checked without a tray.
import type { Call } from '../../common/calls'
import type { AppState } from '../../common/ipc-contract'
import { policyUnreadableText } from '../../common/policy-text'
import { t } from '../../common/i18n'

export type TrayIconState = 'signed-out' | 'idle' | 'ringing' | 'in-call' | 'offline' | 'paused'

export const TRAY_ICON_STATES: readonly TrayIconState[] = [
  'signed-out',
  'idle',
  'ringing',
  'in-call',
  'offline',
  'paused',
]

export interface TrayPresentation {
  icon: TrayIconState
  tooltip: string
}

/** Windows cuts tray tooltips at 127 characters. */
const MAX_TOOLTIP = 127

export function trayPresentation(state: AppState, now: number): TrayPresentation {
  const presentation = choose(state, now)
  return { ...presentation, tooltip: truncate(presentation.tooltip) }
}

/** Whether the tooltip shows a running time (a call's duration, a retry countdown). */
export function trayNeedsTicking(state: AppState): boolean {
  if (!state.session.signedIn) return false
  const { status } = state
  if ((status.state === 'offline' || status.state === 'rate-limited') && status.retryAt !== null)
    return true
  return state.calls.some((call) => call.state !== 'ringing')
}

function choose(state: AppState, now: number): TrayPresentation {
  const { session, status } = state
  if (state.policyUnreadable) return { icon: 'signed-out', tooltip: policyUnreadableText() }
  if (!session.signedIn) {
    return {
      icon: 'signed-out',
      tooltip: status.state === 'unauthorized' ? t('signIn.signedOut') : t('tray.notSignedIn'),
    }
  }
  switch (status.state) {
    case 'offline':
      return {
        icon: 'offline',
        tooltip: t('tray.offline', { retry: retryText(status.retryAt, now) }),
      }
    case 'rate-limited':
      return {
        icon: 'offline',
        tooltip: t('tray.serverBusy', { retry: retryText(status.retryAt, now) }),
      }
    case 'unsupported':
      return { icon: 'offline', tooltip: t('tray.noCallsHere', { detail: status.detail }) }
    case 'unauthorized':
      return { icon: 'signed-out', tooltip: t('signIn.signedOut') }
    case 'connecting':
    case 'online':
      return callPresentation(state, now) ?? idlePresentation(state, now)
  }
}

function callPresentation(state: AppState, now: number): TrayPresentation | null {
  const ringing = state.calls.filter(
    (call) => call.direction === 'incoming' && call.state === 'ringing',
  )
  const first = ringing[0]
  if (first) {
    const name = first.peer.displayName
    const tooltip =
      ringing.length > 1
        ? t('tray.incomingMore', { name, more: ringing.length - 1 })
        : t('tray.incoming', { name })
    return { icon: 'ringing', tooltip }
  }
  const call = state.calls[0]
  return call ? { icon: 'in-call', tooltip: callText(call, now) } : null
}

function callText(call: Call, now: number): string {
  const name = call.peer.displayName
  switch (call.state) {
    case 'ringing':
      return t('tray.calling', { name })
    case 'connecting':
      return t('tray.connectingWith', { name })
    case 'active':
      return t('tray.inCallWith', { name, duration: formatDuration(now - call.since) })
  }
}

function idlePresentation(state: AppState, now: number): TrayPresentation {
  if (state.pause) {
    const until = state.pause.until
    const tooltip =
      until === null
        ? t('pause.bannerUntilResumed')
        : t('tray.pausedBackIn', { duration: minutesText(until - now) })
    return { icon: 'paused', tooltip }
  }
  if (state.status.state === 'connecting') return { icon: 'idle', tooltip: t('tray.connecting') }
  if (state.status.state === 'online' && state.status.notice === 'polling-shared') {
    return { icon: 'idle', tooltip: t('tray.idlePollingShared') }
  }
  return { icon: 'idle', tooltip: t('tray.idle') }
}

function retryText(retryAt: number | null, now: number): string {
  if (retryAt === null) return t('tray.retrying')
  return t('tray.retryingIn', { seconds: Math.max(1, Math.ceil((retryAt - now) / 1000)) })
}

function minutesText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  if (minutes < 60) return t('duration.minutes', { minutes })
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0
    ? t('duration.hours', { hours })
    : t('duration.hoursMinutes', { hours, minutes: rest })
}

/** 04:12, or 1:04:12 past an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`
  return hours > 0 ? `${hours}:${mmss}` : mmss
}

function truncate(text: string): string {
  const chars = Array.from(text)
  return chars.length > MAX_TOOLTIP ? `${chars.slice(0, MAX_TOOLTIP - 1).join('')}…` : text
}
