// What may pop up or sound, decided from plain values. While notifications are paused
// nothing sounds or pops up, but the tray and the window still show every call.
import type { Call } from '../../common/calls'
import type { Settings } from '../settings/settings-types'
import { activePause } from './app-state'

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
  return { title: `Calling ${call.peer.displayName}`, body: 'Outgoing call from Rocket.Chat' }
}
