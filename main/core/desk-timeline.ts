// What the desk was doing over time, so a missed call can say why it was missed. The
// engine records what it knows itself (asleep, no working channel, stream down); what
// only the app knows (notifications paused, the OS's do-not-disturb) is read through
// DeskSignals when a call rings, since nobody can ask the past.
import type { MissedReason } from '../../common/calls'
import type { Clock } from './clock'

export type TimelineCondition = 'asleep' | 'offline' | 'stream-down'

export interface DeskSignals {
  notificationsPaused(): boolean
  /** The operating system's do-not-disturb / Focus Assist; null when it cannot be told. */
  doNotDisturb(): boolean | null
}

interface Span {
  condition: TimelineCondition
  from: number
  to: number | null
}

/** Covers the longest outage worth explaining many times over; older spans are dropped. */
const SPAN_MEMORY = 200
/** Order of the reasons, most telling first. */
const REASON_ORDER: readonly MissedReason[] = [
  'not-running',
  'asleep',
  'offline',
  'stream-down',
  'notifications-paused',
  'do-not-disturb',
]

export class DeskTimeline {
  private startedAt: number
  private spans: Span[] = []

  constructor(private readonly clock: Clock) {
    this.startedAt = clock.now()
  }

  /** The app starts watching: whatever rang before, it was not running. */
  begin(): void {
    this.startedAt = this.clock.now()
  }

  set(condition: TimelineCondition, on: boolean): void {
    const open = this.spans.find((span) => span.condition === condition && span.to === null)
    const now = this.clock.now()
    if (on && !open)
      this.spans = [...this.spans, { condition, from: now, to: null }].slice(-SPAN_MEMORY)
    else if (!on && open) open.to = now
  }

  /** The conditions that held at some point between `from` and `to` (local wall clock). */
  during(from: number, to: number): MissedReason[] {
    const reasons = new Set<MissedReason>()
    if (from < this.startedAt) reasons.add('not-running')
    for (const span of this.spans) {
      if (span.from <= to && (span.to === null || span.to >= from)) reasons.add(span.condition)
    }
    return inOrder(reasons)
  }

  /**
   * At this moment, with what the app says (for a call ringing now): what holds now,
   * never compared with wall-clock times of the past, which a clock set back would put
   * in the future (and "not running" for a call the app sees ringing).
   */
  now(signals: DeskSignals | undefined): MissedReason[] {
    const reasons = new Set<MissedReason>(
      this.spans.filter((span) => span.to === null).map((span) => span.condition),
    )
    if (signals?.notificationsPaused()) reasons.add('notifications-paused')
    if (signals?.doNotDisturb() === true) reasons.add('do-not-disturb')
    return inOrder(reasons)
  }
}

/** A reason that explains another hides it: asleep means offline, offline means no stream. */
const HIDES: Partial<Record<MissedReason, readonly MissedReason[]>> = {
  asleep: ['offline', 'stream-down'],
  offline: ['stream-down'],
}

export function inOrder(reasons: Iterable<MissedReason>): MissedReason[] {
  const set = new Set(reasons)
  for (const reason of [...set]) for (const hidden of HIDES[reason] ?? []) set.delete(hidden)
  return REASON_ORDER.filter((reason) => set.has(reason))
}
