// Fault injection: the failures a tray app meets in the field (a proxy's 502 page, a
// slow or vanished server, a body that is not the JSON it should be), queued by tests
// and consumed one request at a time before any routing happens.

import type { Fault } from './types'

interface Entry {
  fault: Fault
  route: string | undefined
  remaining: number
}

export class FaultInjector {
  private entries: Entry[] = []

  add(fault: Fault, opts: { route?: string; count?: number } = {}): void {
    const remaining = opts.count ?? Infinity
    if (remaining <= 0) return
    this.entries.push({ fault, route: opts.route, remaining })
  }

  clear(): void {
    this.entries = []
  }

  /** The first fault injected for this route (or for every route), counted as used. */
  take(route: string): Fault | undefined {
    const entry = this.entries.find((e) => e.route === undefined || e.route === route)
    if (!entry) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry)
    return entry.fault
  }
}

export function defaultFaultBody(status: number): string {
  return JSON.stringify({ success: false, error: `Injected fault: HTTP ${status}` })
}
