// What may pop up or sound, decided from plain values. While notifications are paused
// nothing sounds or pops up, but the tray and the window still show every call.
import type { Call } from '../../common/calls'
import { activePause } from '../app/app-state'
import type { Settings } from '../settings/settings-types'
import type { DndReading, RingRequest } from './ports'
import { t } from '../../common/i18n'

/** Loud enough to hear over a call in a headset, soft enough not to drown it. */
export const CALL_WAITING_VOLUME = 0.3

export function isPaused(pause: Settings['pause'], now: number): boolean {
  return activePause(pause, now) !== null
}

/** The setting for "pause for N minutes" (null: until resumed). */
export function pauseFrom(minutes: number | null, now: number): NonNullable<Settings['pause']> {
  return { until: minutes === null ? null : now + minutes * 60_000 }
}

export function mayNotify(pause: Settings['pause'], now: number): boolean {
  return !isPaused(pause, now)
}

export function isRingingIncoming(call: Call): boolean {
  return call.direction === 'incoming' && call.state === 'ringing'
}

/** The ringtone sounds while an incoming call rings, unless muted or paused. */
export function shouldRing(
  calls: readonly Call[],
  settings: Pick<Settings, 'ringtone' | 'pause'>,
  now: number,
): boolean {
  return (
    settings.ringtone.enabled &&
    settings.ringtone.volume > 0 &&
    !isPaused(settings.pause, now) &&
    calls.some(isRingingIncoming)
  )
}

/** The agent is talking (or the call is being connected): a new call must not blast over it. */
export function isOnCall(calls: readonly Call[]): boolean {
  return calls.some((call) => call.state === 'active' || call.state === 'connecting')
}

export type RingSettings = Pick<
  Settings,
  | 'ringtone'
  | 'pause'
  | 'ringOn'
  | 'alsoRingOn'
  | 'callWaitingTone'
  | 'breakThroughDnd'
  | 'escalation'
>

/**
 * What the ringtone page should play now, or null for silence. Do Not Disturb silences
 * it only when calls may not break through; an escalated call rings at full volume.
 */
export function ringPlan(
  calls: readonly Call[],
  settings: RingSettings,
  now: number,
  context: { dnd: DndReading; escalated: boolean },
): RingRequest | null {
  if (!shouldRing(calls, settings, now)) return null
  if (context.dnd.doNotDisturb && !settings.breakThroughDnd) return null
  const devices = { ringOn: settings.ringOn, alsoRingOn: settings.alsoRingOn }
  const volume = ringVolume(settings)
  if (settings.callWaitingTone && isOnCall(calls)) {
    return { tone: 'call-waiting', volume: Math.min(volume, CALL_WAITING_VOLUME), ...devices }
  }
  const loud = context.escalated && settings.escalation.fullVolume
  return { tone: 'ring', volume: loud ? 1 : volume, ...devices }
}

export function ringVolume(settings: Pick<Settings, 'ringtone'>): number {
  const volume = settings.ringtone.volume
  return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1
}

/** Outgoing calls that are ringing the other side: announced only when the agent asked for it. */
export function ringingOutgoing(
  calls: readonly Call[],
  settings: Pick<Settings, 'notifyOutgoingCalls'>,
): Call[] {
  if (!settings.notifyOutgoingCalls) return []
  return calls.filter((call) => call.direction === 'outgoing' && call.state === 'ringing')
}

export function outgoingCallText(call: Call): { title: string; body: string } {
  return {
    title: t('notify.outgoingTitle', { name: call.peer.displayName }),
    body: t('notify.outgoingBody'),
  }
}
