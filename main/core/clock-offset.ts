// The server's clock, estimated from HTTP `Date` headers. A header has one-second
// resolution and was written somewhere between our request and the answer, so each
// response bounds the offset to an interval; intersecting recent intervals narrows it
// to well under a second. Durations shown to the agent are corrected by it.

export interface OffsetBounds {
  low: number
  high: number
}

const MAX_SAMPLES = 8

export class ClockOffsetEstimator {
  private samples: OffsetBounds[] = []
  private published = 0

  /** `sentAt`/`receivedAt` are local times; `serverDate` is the parsed Date header. */
  addSample(sentAt: number, receivedAt: number, serverDate: number): void {
    const sample = { low: serverDate - receivedAt, high: serverDate + 1000 - sentAt }
    const merged = intersect([...this.samples, sample])
    // No overlap means one of the clocks jumped: trust only what we saw now.
    this.samples = merged ? [...this.samples, sample].slice(-MAX_SAMPLES) : [sample]
  }

  /**
   * Server time minus local time, in ms (0 until a Date header was seen). It moves
   * only when new evidence rules the current value out, so call times shown to the
   * agent do not wobble from poll to poll.
   */
  get offsetMs(): number {
    const bounds = intersect(this.samples)
    if (bounds && (this.published < bounds.low || this.published > bounds.high)) {
      this.published = Math.round((bounds.low + bounds.high) / 2)
    }
    return this.published
  }
}

function intersect(samples: OffsetBounds[]): OffsetBounds | null {
  if (samples.length === 0) return null
  const low = Math.max(...samples.map((s) => s.low))
  const high = Math.min(...samples.map((s) => s.high))
  return low <= high ? { low, high } : null
}
