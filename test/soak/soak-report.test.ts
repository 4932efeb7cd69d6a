// The soak's verdicts are only as good as these rules: each must be able to fail.
import { describe, expect, it } from 'vitest'
import { FAULT_KINDS, drawPlan } from './soak-plan'
import {
  buildReport,
  failedPromises,
  longestClearStretch,
  type CallTruth,
  type NotificationRecord,
  type SoakObservations,
} from './soak-report'

const S = 1000

function incoming(
  id: string,
  placedAt: number,
  ringEndedAt: number,
  extra: Partial<CallTruth> = {},
): CallTruth {
  return {
    id,
    direction: 'incoming',
    placedAt,
    ringEndedAt,
    endedAt: ringEndedAt,
    answered: false,
    endedByAgent: false,
    ...extra,
  }
}

function shown(
  callId: string,
  shownAt: number,
  closedAt: number | null,
  kind = 'incoming-call',
): NotificationRecord {
  return {
    key: `${kind === 'incoming-call' ? 'call' : 'missed'}:${callId}`,
    kind,
    callId,
    shownAt,
    closedAt,
  }
}

function observed(overrides: Partial<SoakObservations>): SoakObservations {
  return {
    calls: [],
    notifications: [],
    openAtEnd: [],
    faults: [],
    app429s: 0,
    polls: 0,
    heapBytes: { warm: 20 * 2 ** 20, end: 20 * 2 ** 20 },
    logLines: [],
    secrets: ['demo-agent1-token'],
    virtualMs: 3_600_000,
    realMs: 60_000,
    ...overrides,
  }
}

describe('soak report', () => {
  it('passes a run where every call rang once and closed with its ring', () => {
    const report = buildReport(
      observed({
        calls: [incoming('a', 10 * S, 30 * S, { answered: true })],
        notifications: [shown('a', 10.2 * S, 30.1 * S)],
      }),
    )
    expect(report).toMatchObject({ incoming: 1, seeable: 1, incomingNotifications: 1 })
    expect(failedPromises(report, { heapGrowthMiB: 4 })).toEqual([])
  })

  it('counts a seeable call without a notification as missed, but not one that rang only during an outage', () => {
    const report = buildReport(
      observed({
        calls: [incoming('seen-never', 10 * S, 40 * S), incoming('in-outage', 100 * S, 120 * S)],
        faults: [{ kind: 'server-restart', startedAt: 95 * S, endedAt: 125 * S }],
      }),
    )
    expect(report.seeable).toBe(1)
    expect(report.missedByApp).toEqual(['seen-never'])
  })

  it('counts a notification shown well after the ring ended as missed', () => {
    const report = buildReport(
      observed({
        calls: [incoming('late', 10 * S, 40 * S)],
        notifications: [shown('late', 60 * S, 61 * S)],
      }),
    )
    expect(report.missedByApp).toEqual(['late'])
  })

  it('finds duplicates, early withdrawals, notifications left open and false missed calls', () => {
    const report = buildReport(
      observed({
        calls: [
          incoming('twice', 10 * S, 40 * S),
          incoming('early', 100 * S, 140 * S),
          incoming('open', 200 * S, 220 * S),
          incoming('answered', 300 * S, 320 * S, { answered: true }),
        ],
        notifications: [
          shown('twice', 10 * S, 20 * S),
          shown('twice', 21 * S, 40 * S),
          shown('early', 100 * S, 110 * S),
          shown('open', 200 * S, null),
          shown('answered', 300 * S, 320 * S),
          shown('answered', 330 * S, null, 'missed-call'),
        ],
        openAtEnd: ['call:open'],
      }),
    )
    expect(report.duplicateNotifications).toEqual(['twice'])
    expect(report.withdrawnWhileRinging).toEqual(['twice', 'early'])
    expect(report.leftOpen).toEqual(['call:open'])
    expect(report.falseMissedCallReports).toEqual(['answered'])
    expect(failedPromises(report, { heapGrowthMiB: 4 })).toHaveLength(4)
  })

  it('fails on a secret or an uncaught error in the log, and on heap growth past the limit', () => {
    const report = buildReport(
      observed({
        logLines: [
          'info status: online',
          'warn X-Auth-Token demo-agent1-token',
          '2026-12-01T08:00:00.000Z error Uncaught error (the app keeps running): boom | at x',
        ],
        heapBytes: { warm: 20 * 2 ** 20, end: 30 * 2 ** 20 },
      }),
    )
    expect(failedPromises(report, { heapGrowthMiB: 4 })).toEqual([
      'log lines with a secret: 1',
      'uncaught errors logged: 1',
      'heap grew from 20 MiB to 30 MiB (limit +4 MiB)',
    ])
  })
})

describe('longestClearStretch', () => {
  it('measures the longest part of a span outside the blind intervals', () => {
    expect(longestClearStretch(0, 100, [])).toBe(100)
    expect(longestClearStretch(0, 100, [[10, 20]])).toBe(80)
    expect(
      longestClearStretch(0, 100, [
        [-5, 30],
        [60, 70],
      ]),
    ).toBe(30)
    expect(longestClearStretch(0, 100, [[-5, 200]])).toBe(0)
  })
})

describe('drawPlan', () => {
  it('is the same plan for the same seed, with every kind of fault before any repeats', () => {
    const plan = drawPlan({ seed: 7, calls: 150 })
    expect(drawPlan({ seed: 7, calls: 150 })).toEqual(plan)
    expect(new Set(plan.faults.slice(0, FAULT_KINDS.length).map((f) => f.kind)).size).toBe(
      FAULT_KINDS.length,
    )
    expect(plan.calls).toHaveLength(150)
  })
})
