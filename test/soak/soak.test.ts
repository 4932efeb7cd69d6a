// The soak's CI version: the same world, plan and promises as `npm run soak`, with
// 150 calls (every kind of fault at least once) on 60× time, about 45 s. It runs
// alone (test/soak/vitest.config.ts) so other suites do not compete for the CPU the
// compressed clock relies on.
import { describe, expect, it } from 'vitest'
import { FAULT_KINDS, drawPlan } from './soak-plan'
import { buildReport, failedPromises } from './soak-report'
import { HEAP_GROWTH_LIMIT_MIB } from './soak-limits'
import { runWorld } from './soak-world'

const SEED = Number(process.env['SOAK_SEED'] ?? 20261201)

describe('soak (short)', () => {
  it('under every kind of fault: nothing missed, nothing twice, nothing left open, no false missed calls', async () => {
    const plan = drawPlan({ seed: SEED, calls: 150 })
    expect(new Set(plan.faults.map((fault) => fault.kind))).toEqual(new Set(FAULT_KINDS))

    const observed = await runWorld(plan, { speed: 60 })
    const report = buildReport(observed)
    console.info(`soak (seed ${SEED}): ${JSON.stringify(report)}`)

    expect(failedPromises(report, { heapGrowthMiB: HEAP_GROWTH_LIMIT_MIB })).toEqual([])
    expect(report.incomingNotifications).toBeGreaterThan(report.seeable / 2)
    expect(report.missedCallReports).toBeGreaterThan(0)
    expect(report.logLines).toBeGreaterThan(0)
  }, 120_000)
})
