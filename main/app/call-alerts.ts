// Turns the engine's notification events and call list into native notifications and
// the ringtone, through the notification policy. Holds the notifications a pause kept
// back, so a call still ringing when the pause ends pops up then.
import type { Call } from '../../common/calls'
import type { EngineEvent } from '../core/call-engine'
import type { Settings } from '../settings/settings-types'
import { notificationClosedLine, notificationShownLine } from './activity-log'
import { guarded, type Logger } from './logger'
import {
  isRingingIncoming,
  mayNotify,
  outgoingCallText,
  ringingOutgoing,
  ringVolume,
  shouldRing,
} from './notification-policy'
import type { NotificationRequest, Notifier, Ringtone } from './ports'

export interface CallAlertsOptions {
  notifier: Notifier
  ringtone: Ringtone
  logger: Logger
  now: () => number
  settings: () => Pick<Settings, 'ringtone' | 'pause' | 'notifyOutgoingCalls'>
}

type NotificationEvent = Extract<EngineEvent, { type: 'notification' | 'notification-closed' }>

export const incomingKey = (callId: string) => `call:${callId}`
export const missedKey = (callId: string) => `missed:${callId}`
export const outgoingKey = (callId: string) => `outgoing:${callId}`

export class CallAlerts {
  private calls: Call[] = []
  private ringing = false
  private volume = 0
  /** Incoming calls announced while paused: shown if still ringing when the pause ends. */
  private readonly held = new Map<string, NotificationRequest>()
  private readonly outgoingShown = new Set<string>()

  constructor(private readonly options: CallAlertsOptions) {}

  onNotificationEvent(event: NotificationEvent): void {
    if (event.type === 'notification-closed') {
      this.held.delete(event.callId)
      this.options.logger.info(notificationClosedLine(event.callId))
      this.notify('close', () => this.options.notifier.close(incomingKey(event.callId)))
      return
    }
    const incoming = event.event === 'incoming-call'
    const request: NotificationRequest = {
      key: incoming ? incomingKey(event.call.id) : missedKey(event.call.id),
      kind: event.event,
      callId: event.call.id,
      title: event.title,
      body: event.body,
      decline: incoming,
    }
    if (this.mayNotify()) this.show(request)
    else if (incoming) this.held.set(event.call.id, request)
  }

  onCalls(calls: Call[]): void {
    this.calls = calls
    for (const id of this.held.keys()) {
      if (!calls.some((call) => call.id === id && isRingingIncoming(call))) this.held.delete(id)
    }
    this.updateOutgoing()
    this.updateRingtone()
  }

  /** After a settings change (pause, ringtone, outgoing calls) or a pause running out. */
  refresh(): void {
    if (this.mayNotify()) {
      for (const request of this.held.values()) this.show(request)
      this.held.clear()
    }
    this.updateOutgoing()
    this.updateRingtone()
  }

  /** Sign-out and quit: nothing of the old session may keep ringing. */
  clear(): void {
    this.calls = []
    this.held.clear()
    this.outgoingShown.clear()
    this.notify('close all', () => this.options.notifier.closeAll())
    this.updateRingtone()
  }

  private updateOutgoing(): void {
    const ringing = this.mayNotify() ? ringingOutgoing(this.calls, this.options.settings()) : []
    for (const id of this.outgoingShown) {
      if (ringing.some((call) => call.id === id)) continue
      this.outgoingShown.delete(id)
      this.notify('close', () => this.options.notifier.close(outgoingKey(id)))
    }
    for (const call of ringing) {
      if (this.outgoingShown.has(call.id)) continue
      this.outgoingShown.add(call.id)
      this.show({
        key: outgoingKey(call.id),
        kind: 'outgoing-call',
        callId: call.id,
        decline: false,
        ...outgoingCallText(call),
      })
    }
  }

  private updateRingtone(): void {
    const settings = this.options.settings()
    const want = shouldRing(this.calls, settings, this.options.now())
    const volume = ringVolume(settings)
    // The player takes its volume only when it starts, so a new volume restarts it.
    if (want === this.ringing && (!want || volume === this.volume)) return
    const { ringtone, logger } = this.options
    if (this.ringing) guarded(logger, 'Stopping the ringtone', () => ringtone.stop())
    this.ringing = want
    this.volume = volume
    if (want) guarded(logger, 'Starting the ringtone', () => ringtone.start(volume))
  }

  private show(request: NotificationRequest): void {
    this.options.logger.info(notificationShownLine(request))
    this.notify('show', () => this.options.notifier.show(request))
  }

  private notify(what: string, action: () => void): void {
    guarded(this.options.logger, `Notification ${what}`, action)
  }

  private mayNotify(): boolean {
    return mayNotify(this.options.settings().pause, this.options.now())
  }
}
