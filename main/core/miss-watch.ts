// Every miss explained: follows the engine's own events to keep the desk's timeline,
// notes each call the engine saw ring (and what the desk was doing then), and after
// each recovery (start-up, wake, back online) asks once for calls missed meanwhile.
import type { MissedReason } from '../../common/calls'
import type { Clock } from './clock'
import { DeskTimeline, type DeskSignals } from './desk-timeline'
import type { EngineEvent } from './engine-ports'
import type { AwayMissedCall, MissedWhileAway } from './missed-while-away'

const RING_MEMORY = 200

export interface MissWatchOptions {
  clock: Clock
  away?: MissedWhileAway
  desk?: DeskSignals
  /** Whether the realtime stream is configured: only then is "stream down" a reason. */
  realtime: boolean
  onAwayMissed(calls: { missed: AwayMissedCall; because: MissedReason[] }[]): void
}

export class MissWatch {
  private readonly timeline: DeskTimeline
  private readonly ringReasons = new Map<string, MissedReason[]>()
  private online = false
  /** Something may have rung unseen since the last catch-up (start-up counts). */
  private recoveryDue = true

  constructor(private readonly options: MissWatchOptions) {
    this.timeline = new DeskTimeline(options.clock)
  }

  /** Until the first answer, no channel works. */
  started(): void {
    this.timeline.begin()
    this.timeline.set('offline', true)
    if (this.options.realtime) this.timeline.set('stream-down', true)
  }

  observe(event: EngineEvent): void {
    switch (event.type) {
      case 'status':
        return this.onStatus(event.status.state === 'online')
      case 'realtime':
        if (this.options.realtime) this.timeline.set('stream-down', !event.healthy)
        return
      case 'calls':
        for (const call of event.calls) {
          if (call.direction === 'incoming' && call.state === 'ringing') this.noteRinging(call.id)
        }
    }
  }

  asleep(): void {
    this.timeline.set('asleep', true)
  }

  awake(): void {
    this.timeline.set('asleep', false)
    this.recoveryDue = true
    // A status still "online" from before the sleep gives no transition to wait for.
    if (this.online) this.catchUp()
  }

  /** Why a call the engine saw ring went unanswered; undefined when nothing explains it. */
  reasonsFor(callId: string): MissedReason[] | undefined {
    const reasons = this.ringReasons.get(callId)
    return reasons && reasons.length > 0 ? reasons : undefined
  }

  private onStatus(online: boolean): void {
    const wasOnline = this.online
    this.online = online
    this.timeline.set('offline', !online)
    if (!online) this.recoveryDue = true
    else if (!wasOnline && this.recoveryDue) this.catchUp()
  }

  private noteRinging(callId: string): void {
    if (this.ringReasons.has(callId)) return
    this.options.away?.noteSeen(callId)
    this.ringReasons.set(callId, this.timeline.now(this.options.desk))
    if (this.ringReasons.size > RING_MEMORY) {
      const oldest = this.ringReasons.keys().next().value
      if (oldest !== undefined) this.ringReasons.delete(oldest)
    }
  }

  private catchUp(): void {
    const away = this.options.away
    if (!away) return
    this.recoveryDue = false
    void away.catchUp().then((calls) => {
      // Not asked (offline again, or the budget spent): the next recovery covers it.
      if (calls === null) this.recoveryDue = true
      else if (calls.length > 0) this.report(calls)
    })
  }

  private report(calls: AwayMissedCall[]): void {
    const unseen = calls.filter((missed) => !this.ringReasons.has(missed.call.id))
    if (unseen.length === 0) return
    this.options.onAwayMissed(
      unseen.map((missed) => ({
        missed,
        because: this.timeline.during(missed.rangFrom, missed.rangUntil),
      })),
    )
  }
}
