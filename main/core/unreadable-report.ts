// What the log says about calls the server sent in a shape we cannot read: each call
// once, and one line per poll at most, however many there are. The memory of calls
// already reported is bounded: a server inventing fresh ids on every poll grew an
// unbounded set by 1.25 GB; past the bound the oldest are forgotten (and may be
// reported once more, still within one line per poll).
import type { CallsSnapshot } from './rocketchat-client'

export const REMEMBERED_UNREADABLE = 500
/** Ids named in the line; the rest are counted. */
const NAMED_IDS = 3
/** Server text is quoted this long at most, so one line stays one line. */
const QUOTED_CHARS = 120

export class UnreadableReport {
  private readonly reported = new Set<string>()

  /** The line for the calls not reported yet, or null when there are none. */
  lineFor(unreadable: CallsSnapshot['unreadable']): string | null {
    const fresh: CallsSnapshot['unreadable'] = []
    for (const bad of unreadable) {
      const key = quote(bad.id ?? bad.detail)
      if (this.reported.has(key)) continue
      this.remember(key)
      fresh.push(bad)
    }
    const first = fresh[0]
    if (!first) return null
    const detail = quote(first.detail)
    if (fresh.length === 1) {
      return `The server sent a call that could not be read (${quote(first.id ?? 'no id')}): ${detail}`
    }
    const named = fresh
      .slice(0, NAMED_IDS)
      .map((bad) => quote(bad.id ?? 'no id'))
      .join(', ')
    const more = fresh.length > NAMED_IDS ? ', …' : ''
    return `The server sent ${fresh.length} calls that could not be read (${named}${more}); the first: ${detail}`
  }

  /** How many calls it remembers (never more than REMEMBERED_UNREADABLE). */
  get size(): number {
    return this.reported.size
  }

  private remember(key: string): void {
    this.reported.add(key)
    if (this.reported.size > REMEMBERED_UNREADABLE) {
      this.reported.delete(this.reported.values().next().value as string)
    }
  }
}

/** Cut before cleaning: the text may be megabytes long. */
function quote(text: string): string {
  const cut = text.length > QUOTED_CHARS ? `${text.slice(0, QUOTED_CHARS - 1)}…` : text
  return cut.replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
}
