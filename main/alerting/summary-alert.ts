// The one notification for ringing calls beyond those with a notification of their
// own (the engine decides which: main/core/announcement-cap.ts). Each change replaces
// it under one key, so a flood of calls shows one notification, never a pile.
import type { EngineEvent } from '../core/call-engine'
import type { Settings } from '../settings/settings-types'
import { guarded, type Logger } from '../app/logger'
import { mayNotify } from './alert-policy'
import type { NotificationRequest, Notifier } from '../app/ports'

export const SUMMARY_KEY = 'summary:ringing'

type SummaryEvent = Extract<
  EngineEvent,
  { type: 'notification-summary' | 'notification-summary-closed' }
>

export interface SummaryAlertOptions {
  notifier: Notifier
  logger: Logger
  now: () => number
  settings: () => Pick<Settings, 'pause'>
}

export class SummaryAlert {
  /** The summary as it stands, shown now or once a pause ends. */
  private current: NotificationRequest | null = null
  private shown = false

  constructor(private readonly options: SummaryAlertOptions) {}

  onEvent(event: SummaryEvent): void {
    if (event.type === 'notification-summary-closed') {
      this.current = null
      if (this.shown) this.notify('close', () => this.options.notifier.close(SUMMARY_KEY))
      this.shown = false
      return
    }
    this.current = {
      key: SUMMARY_KEY,
      // Shown like a ringing call (it stays up, silent: the ringtone sounds for all of them);
      // a click opens the window, and there is no one call to decline.
      kind: 'incoming-call',
      callId: '',
      title: event.title,
      body: event.body,
      decline: false,
    }
    this.refresh()
  }

  /** After a settings change or a pause running out. */
  refresh(): void {
    const request = this.current
    if (!request || !mayNotify(this.options.settings().pause, this.options.now())) return
    this.shown = true
    this.notify('show', () => this.options.notifier.show(request))
  }

  /** Sign-out: the notifier closes everything; nothing is left to show. */
  clear(): void {
    this.current = null
    this.shown = false
  }

  private notify(what: string, action: () => void): void {
    guarded(this.options.logger, `Summary notification ${what}`, action)
  }
}
