// What a soak run proves, computed from what happened on the server (the ground
// truth), what the app showed, and when each fault struck. Pure, so the rules that
// decide "missed", "duplicate" or "left open" are tested on their own.
import type { FaultKind } from './soak-plan'

export interface CallTruth {
  id: string
  direction: 'incoming' | 'outgoing'
  placedAt: number
  /** When it stopped ringing (answered or hung up); null if it never did. */
  ringEndedAt: number | null
  endedAt: number | null
  answered: boolean
  /** Hung up by the agent (declined, here or on another device). */
  endedByAgent: boolean
}

export interface NotificationRecord {
  key: string
  kind: string
  callId: string
  shownAt: number
  closedAt: number | null
}

export interface FaultRecord {
  kind: FaultKind
  startedAt: number
  endedAt: number
  /** clock-jump: how far the app's clock moved. */
  jumpMs?: number
}

export interface SoakObservations {
  calls: CallTruth[]
  notifications: NotificationRecord[]
  /** Keys of the notifications still open when the run ended. */
  openAtEnd: string[]
  faults: FaultRecord[]
  /** 429 answers the app received (not the noisy neighbour's). */
  app429s: number
  polls: number
  /** Heap after a full GC, once warm and at the end. */
  heapBytes: { warm: number; end: number }
  logLines: string[]
  secrets: string[]
  virtualMs: number
  realMs: number
}

export interface SoakReport {
  calls: number
  incoming: number
  /** Incoming calls that rang long enough, outside the faults, to be seen. */
  seeable: number
  incomingNotifications: number
  missedByApp: string[]
  duplicateNotifications: string[]
  /** Incoming-call notifications withdrawn while the call still rang. */
  withdrawnWhileRinging: string[]
  leftOpen: string[]
  falseMissedCallReports: string[]
  /** Incoming-call notifications for calls that were not incoming. */
  wrongDirection: string[]
  missedCallReports: number
  trulyMissed: number
  faults: Partial<Record<FaultKind, number>>
  app429s: number
  polls: number
  heapWarmMiB: number
  heapEndMiB: number
  logLines: number
  secretsInLog: number
  /** Errors nobody caught (logged by the crash guard): bugs, even if the app went on. */
  uncaughtErrors: number
  virtualHours: number
  realSeconds: number
}

/** How long each kind of fault can keep a channel blind after it ends (the app's own limits). */
export const RECOVERY = {
  /** The poll scheduler's backoff cap, then one budget-spread interval. */
  restMs: 60_000 + 12_000,
  /** The realtime listener's reconnect backoff cap, then its handshake. */
  streamMs: 5 * 60_000 + 15_000,
  /** A dead line is noticed after the ping timeout; until then polling is at the reconcile pace. */
  deadLineMs: 45_000 + 15_000,
  /** A single drop reconnects after the first, short backoff step. */
  streamDropMs: 30_000,
  /** Wake polls and reconnects at once. */
  wakeMs: 30_000,
}
/** With the stream up, a call rings in the app at once: allow for the signal's way. */
export const STREAM_VISIBLE_MS = 2_000
/** With the stream down, polling alone sees a call within this long (budget spread over the window). */
export const POLL_VISIBLE_MS = 12_000
/** A notification up to this long after the ring ended still counts as seen (delivery lag). */
export const LATE_TOLERANCE_MS = 5_000

type Interval = readonly [number, number]

/** When each channel could not be trusted to deliver: a fault, and the app's recovery after it. */
export function impairedChannels(faults: readonly FaultRecord[]): {
  rest: Interval[]
  stream: Interval[]
} {
  const rest: Interval[] = []
  const stream: Interval[] = []
  for (const { kind, startedAt: start, endedAt: end } of faults) {
    switch (kind) {
      case 'http-5xx':
      case 'timeouts':
      case 'dropped-connections':
      case 'malformed-bodies':
      case 'rate-limit-storm':
        rest.push([start, end + RECOVERY.restMs])
        break
      case 'server-restart':
        rest.push([start, end + RECOVERY.restMs])
        stream.push([start, end + RECOVERY.streamMs])
        break
      case 'sleep':
        rest.push([start, end + RECOVERY.wakeMs])
        stream.push([start, end + RECOVERY.wakeMs])
        break
      case 'realtime-dead-line':
        rest.push([start, start + RECOVERY.deadLineMs])
        stream.push([start, end + RECOVERY.streamMs])
        break
      case 'realtime-refused':
        stream.push([start, end + RECOVERY.streamMs])
        break
      case 'realtime-drop':
      case 'realtime-garbage':
        stream.push([start, end + RECOVERY.streamDropMs])
        break
      case 'clock-jump':
        // Not an outage: the app must ring through its own clock moving.
        break
    }
  }
  return { rest: merge(rest), stream: merge(stream) }
}

/** The longest stretch of [from, to] outside every blind interval. */
export function longestClearStretch(from: number, to: number, blind: readonly Interval[]): number {
  let longest = 0
  let cursor = from
  for (const [start, end] of blind) {
    if (end <= cursor) continue
    if (start >= to) break
    longest = Math.max(longest, Math.min(start, to) - cursor)
    cursor = Math.max(cursor, end)
    if (cursor >= to) return longest
  }
  return Math.max(longest, to - cursor)
}

export function buildReport(observed: SoakObservations): SoakReport {
  const impaired = impairedChannels(observed.faults)
  const truth = new Map(observed.calls.map((call) => [call.id, call]))
  const incoming = observed.calls.filter((call) => call.direction === 'incoming')
  const incomingShown = observed.notifications.filter((n) => n.kind === 'incoming-call')
  const firstShown = new Map<string, NotificationRecord>()
  const duplicates: string[] = []
  for (const notification of incomingShown) {
    if (firstShown.has(notification.callId)) duplicates.push(notification.callId)
    else firstShown.set(notification.callId, notification)
  }
  const ringEnd = (call: CallTruth) => call.ringEndedAt ?? observed.virtualMs
  const seeable = incoming.filter((call) => {
    const clear = (channel: Interval[]) =>
      longestClearStretch(call.placedAt, ringEnd(call), channel)
    return clear(impaired.stream) >= STREAM_VISIBLE_MS || clear(impaired.rest) >= POLL_VISIBLE_MS
  })
  const seenInTime = (call: CallTruth) => {
    const shown = firstShown.get(call.id)
    return shown !== undefined && shown.shownAt <= ringEnd(call) + LATE_TOLERANCE_MS
  }
  const isTrulyMissed = (call: CallTruth | undefined) =>
    call?.direction === 'incoming' && !call.answered && !call.endedByAgent && call.endedAt !== null
  const missedReports = observed.notifications.filter((n) => n.kind === 'missed-call')
  return {
    calls: observed.calls.length,
    incoming: incoming.length,
    seeable: seeable.length,
    incomingNotifications: incomingShown.length,
    missedByApp: seeable.filter((call) => !seenInTime(call)).map((call) => call.id),
    duplicateNotifications: duplicates,
    withdrawnWhileRinging: incomingShown
      .filter((n) => {
        const call = truth.get(n.callId)
        return n.closedAt !== null && call !== undefined && n.closedAt < ringEnd(call)
      })
      .map((n) => n.callId),
    leftOpen: observed.openAtEnd.filter((key) => {
      const notification = incomingShown.find((n) => n.key === key)
      return notification !== undefined && truth.get(notification.callId)?.endedAt != null
    }),
    falseMissedCallReports: missedReports
      .filter((n) => !isTrulyMissed(truth.get(n.callId)))
      .map((n) => n.callId),
    wrongDirection: incomingShown
      .filter((n) => truth.get(n.callId)?.direction !== 'incoming')
      .map((n) => n.callId),
    missedCallReports: missedReports.length,
    trulyMissed: incoming.filter(isTrulyMissed).length,
    faults: countBy(observed.faults.map((fault) => fault.kind)),
    app429s: observed.app429s,
    polls: observed.polls,
    heapWarmMiB: toMiB(observed.heapBytes.warm),
    heapEndMiB: toMiB(observed.heapBytes.end),
    logLines: observed.logLines.length,
    secretsInLog: observed.logLines.filter((line) =>
      observed.secrets.some((secret) => line.includes(secret)),
    ).length,
    uncaughtErrors: observed.logLines.filter((line) =>
      /error (Uncaught error|Unhandled rejection)/.test(line),
    ).length,
    virtualHours: Math.round((observed.virtualMs / 3_600_000) * 100) / 100,
    realSeconds: Math.round(observed.realMs / 100) / 10,
  }
}

export interface SoakLimits {
  /** Heap growth from warm to end beyond which the run fails. */
  heapGrowthMiB: number
}

/** The promises the run checks; an empty list is a pass. */
export function failedPromises(report: SoakReport, limits: SoakLimits): string[] {
  const failures: string[] = []
  const none = (what: string, ids: readonly string[]) => {
    if (ids.length > 0) failures.push(`${what}: ${ids.length} (${ids.slice(0, 5).join(', ')})`)
  }
  none('calls missed by the app', report.missedByApp)
  none('duplicate notifications', report.duplicateNotifications)
  none('notifications withdrawn while the call rang', report.withdrawnWhileRinging)
  none('notifications left open after their call ended', report.leftOpen)
  none('false missed-call reports', report.falseMissedCallReports)
  none('incoming-call notifications for calls that were not incoming', report.wrongDirection)
  if (report.secretsInLog > 0) failures.push(`log lines with a secret: ${report.secretsInLog}`)
  if (report.uncaughtErrors > 0) failures.push(`uncaught errors logged: ${report.uncaughtErrors}`)
  if (report.heapEndMiB - report.heapWarmMiB > limits.heapGrowthMiB) {
    failures.push(
      `heap grew from ${report.heapWarmMiB} MiB to ${report.heapEndMiB} MiB (limit +${limits.heapGrowthMiB} MiB)`,
    )
  }
  // A harness check, not the app's: with faults everywhere, "nothing missed" would prove nothing.
  if (report.seeable < report.incoming / 3) {
    failures.push(
      `only ${report.seeable} of ${report.incoming} calls were seeable: faults too dense to prove anything`,
    )
  }
  return failures
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

function countBy<K extends string>(keys: K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {}
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1
  return counts
}

function toMiB(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10
}

/** One call's story, for a failure's printout: what the server did, what the app showed, the faults around it. */
export function explainCall(observed: SoakObservations, callId: string): string {
  const call = observed.calls.find((c) => c.id === callId)
  const seconds = (ms: number | null) => (ms === null ? '-' : `${(ms / 1000).toFixed(1)}s`)
  const lines = [
    `call ${callId}: ${call?.direction} placed ${seconds(call?.placedAt ?? null)}, ring ended ${seconds(call?.ringEndedAt ?? null)}, ended ${seconds(call?.endedAt ?? null)}, answered ${call?.answered}, by agent ${call?.endedByAgent}`,
    ...observed.notifications
      .filter((n) => n.callId === callId)
      .map((n) => `  ${n.kind} shown ${seconds(n.shownAt)}, closed ${seconds(n.closedAt)}`),
  ]
  const from = (call?.placedAt ?? 0) - 10 * 60_000
  const to = call?.endedAt ?? observed.virtualMs
  for (const fault of observed.faults) {
    if (fault.endedAt >= from && fault.startedAt <= to)
      lines.push(
        `  fault ${fault.kind} ${seconds(fault.startedAt)} → ${seconds(fault.endedAt)}${fault.jumpMs === undefined ? '' : ` by ${seconds(fault.jumpMs)}`}`,
      )
  }
  return lines.join('\n')
}
