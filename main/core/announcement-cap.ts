// How many ringing calls get a notification of their own. A desk can take a few
// notifications at once; a server that rings hundreds of calls (broken or hostile)
// must not bury the screen, so beyond the first few the calls are counted in one
// summary notification that is updated, never repeated. A call counted in the
// summary stays there until it stops ringing: it never gets a second notification.

/**
 * Individual incoming-call notifications open at once: more than a busy desk ever has
 * ringing together (the soak's overlapping calls stay below it), far below a flood.
 */
export const INDIVIDUAL_NOTIFICATIONS = 10

export type IncomingDecision = 'notify' | 'summarize'
export type ClosedDecision = 'close' | 'summarized' | 'unknown'

export class AnnouncementCap {
  private readonly notified = new Set<string>()
  /** Ringing now and counted in the summary. */
  private readonly summarized = new Set<string>()
  /** Rang only in the summary, until the call ends: at most the tracked calls. */
  private readonly summaryOnly = new Set<string>()
  private announcedSummary = 0

  constructor(private readonly limit = INDIVIDUAL_NOTIFICATIONS) {}

  incoming(callId: string): IncomingDecision {
    if (this.notified.size < this.limit) {
      this.notified.add(callId)
      return 'notify'
    }
    this.summarized.add(callId)
    this.summaryOnly.add(callId)
    return 'summarize'
  }

  /** The call stopped ringing: close its own notification, or take it out of the summary. */
  closed(callId: string): ClosedDecision {
    if (this.notified.delete(callId)) return 'close'
    if (this.summarized.delete(callId)) return 'summarized'
    return 'unknown'
  }

  /** The call ended: whether it only ever rang in the summary (no notification to follow up). */
  ended(callId: string): boolean {
    return this.summaryOnly.delete(callId)
  }

  /** The summary's new count when it changed since the last call, else null. */
  summaryChange(): number | null {
    const count = this.summarized.size
    if (count === this.announcedSummary) return null
    this.announcedSummary = count
    return count
  }
}
