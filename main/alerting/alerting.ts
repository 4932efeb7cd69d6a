// The one home of alerting: turns the engine's notification events and call list into
// native notifications, the ringtone (on the chosen outputs, or the soft call-waiting
// tone during a call), escalation of a call nobody answers, and what the operating
// system's Do Not Disturb allows. Holds the notifications a pause kept back, so a call
// still ringing when the pause ends pops up then. Adapters stay behind ./ports.
import { isDeepStrictEqual } from 'node:util'
import type { Call } from '../../common/calls'
import { t } from '../../common/i18n'
import type { EngineEvent } from '../core/call-engine'
import type { Clock } from '../core/clock'
import type { Settings } from '../settings/settings-types'
import { notificationClosedLine, notificationShownLine } from '../app/activity-log'
import { guarded, type Logger } from '../app/logger'
import type { NotificationRequest, Notifier } from '../app/ports'
import {
  isRingingIncoming,
  mayNotify,
  outgoingCallText,
  ringingOutgoing,
  ringPlan,
  type RingSettings,
} from './alert-policy'
import { Escalation } from './escalation'
import {
  NO_DND,
  type Attention,
  type DndProbe,
  type DndReading,
  type RingRequest,
  type Ringtone,
} from './ports'
import { ringerDeviceStatus, testRing, type RingCheck, type RingerStatus } from './ring-check'

export interface AlertingOptions {
  notifier: Notifier
  ringtone: Ringtone
  attention: Attention
  dnd: DndProbe
  logger: Logger
  clock: Clock
  settings: () => RingSettings & Pick<Settings, 'notifyOutgoingCalls'>
  /** What the OS allows changed (the window shows blocked notifications). */
  onDndChange?: (reading: DndReading) => void
}

type NotificationEvent = Extract<EngineEvent, { type: 'notification' | 'notification-closed' }>

export const incomingKey = (callId: string) => `call:${callId}`
export const missedKey = (callId: string) => `missed:${callId}`
export const outgoingKey = (callId: string) => `outgoing:${callId}`

export class Alerting {
  private calls: Call[] = []
  private playing: RingRequest | null = null
  private dnd: DndReading = NO_DND
  /** The window was raised or the taskbar flashed for the calls ringing now. */
  private attentionRaised = false
  /** Incoming calls announced while paused: shown if still ringing when the pause ends. */
  private readonly held = new Map<string, NotificationRequest>()
  private readonly outgoingShown = new Set<string>()
  private readonly escalation: Escalation

  constructor(private readonly options: AlertingOptions) {
    this.escalation = new Escalation(options.clock, () => this.escalate())
  }

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
    const wasRinging = this.calls.some(isRingingIncoming)
    this.calls = calls
    for (const id of this.held.keys()) {
      if (!calls.some((call) => call.id === id && isRingingIncoming(call))) this.held.delete(id)
    }
    // A call starts ringing: ask the OS afresh whether it holds back notifications.
    if (!wasRinging && calls.some(isRingingIncoming)) void this.checkDnd()
    this.updateOutgoing()
    this.update()
  }

  /** After a settings change (pause, ringtone, outgoing calls) or a pause running out. */
  refresh(): void {
    if (this.mayNotify()) {
      for (const request of this.held.values()) this.show(request)
      this.held.clear()
    }
    this.updateOutgoing()
    this.update()
  }

  /** Sign-out and quit: nothing of the old session may keep ringing. */
  clear(): void {
    this.calls = []
    this.held.clear()
    this.outgoingShown.clear()
    this.notify('close all', () => this.options.notifier.closeAll())
    this.update()
  }

  /** Reads the OS's Do Not Disturb now (at start, and whenever a call starts ringing). */
  async checkDnd(): Promise<void> {
    const reading = await this.options.dnd.read()
    if (isDeepStrictEqual(reading, this.dnd)) return
    this.dnd = reading
    this.update()
    this.options.onDndChange?.(reading)
  }

  dndReading(): DndReading {
    return this.dnd
  }

  /** The self-test: plays on the chosen output(s) and says whether they were there. */
  testRing(durationMs: number): Promise<RingCheck> {
    if (this.playing) {
      return Promise.resolve({ ok: false, detail: t('ringCheck.alreadyRinging') })
    }
    return testRing(this.options.ringtone, this.options.settings(), durationMs)
  }

  /** Whether the output calls ring on is connected now. */
  ringerDeviceStatus(): Promise<RingerStatus> {
    return ringerDeviceStatus(this.options.ringtone, this.options.settings())
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

  /** Brings the ringtone, the escalation timer and the window's attention in line with now. */
  private update(): void {
    const settings = this.options.settings()
    const alerting = this.mayAlert()
    this.escalation.follow(alerting, settings.escalation.afterSeconds * 1000)
    this.updateRingtone()
    if (!alerting && this.attentionRaised) {
      this.attentionRaised = false
      guarded(this.options.logger, 'Calming the window', () => this.options.attention.calm())
    }
    const osHoldsToasts = this.dnd.doNotDisturb || this.dnd.notificationsBlocked
    // The toast may never come: the window is the one thing the agent can still see.
    if (alerting && osHoldsToasts && !this.attentionRaised) this.raise({ showWindow: true })
  }

  private escalate(): void {
    const { escalation } = this.options.settings()
    this.options.logger.info(
      `A call is still ringing after ${escalation.afterSeconds} s: escalating.`,
    )
    this.raise({ flash: escalation.flashTaskbar, showWindow: escalation.showWindow })
    this.updateRingtone()
  }

  private raise(steps: { flash?: boolean; showWindow?: boolean }): void {
    const { attention, logger } = this.options
    if (steps.flash) guarded(logger, 'Flashing the taskbar', () => attention.flash())
    if (steps.showWindow) guarded(logger, 'Showing the window on top', () => attention.showOnTop())
    this.attentionRaised ||= Boolean(steps.flash || steps.showWindow)
  }

  private updateRingtone(): void {
    const want = this.mayAlert()
      ? ringPlan(this.calls, this.options.settings(), this.options.clock.now(), {
          dnd: this.dnd,
          escalated: this.escalation.active,
        })
      : null
    if (isDeepStrictEqual(want, this.playing)) return
    const { ringtone, logger } = this.options
    if (this.playing) guarded(logger, 'Stopping the ringtone', () => ringtone.stop())
    this.playing = want
    if (want) guarded(logger, 'Starting the ringtone', () => ringtone.start(want))
  }

  /** An incoming call rings and may be announced: not paused, and not held back by DND. */
  private mayAlert(): boolean {
    const dndSilences = this.dnd.doNotDisturb && !this.options.settings().breakThroughDnd
    return this.calls.some(isRingingIncoming) && this.mayNotify() && !dndSilences
  }

  private show(request: NotificationRequest): void {
    this.options.logger.info(notificationShownLine(request))
    this.notify('show', () => this.options.notifier.show(request))
  }

  private notify(what: string, action: () => void): void {
    guarded(this.options.logger, `Notification ${what}`, action)
  }

  private mayNotify(): boolean {
    return mayNotify(this.options.settings().pause, this.options.clock.now())
  }
}
