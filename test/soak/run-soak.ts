// `npm run soak`: the app as it runs, against the simulator with thousands of calls
// and random faults on compressed time; prints what it proved and exits 1 when a
// promise was broken. `--calls 150 --speed 60` is the CI version (test/soak/soak.test.ts).
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { drawPlan } from './soak-plan'
import { buildReport, explainCall, failedPromises } from './soak-report'
import { HEAP_GROWTH_LIMIT_MIB } from './soak-limits'
import { runWorld } from './soak-world'

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    speed: { type: 'string', default: '60' },
    seed: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'keep-log': { type: 'string' },
  },
})

async function main(): Promise<void> {
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed)
  const calls = Number(values.calls)
  const speed = Number(values.speed)
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
  process.stderr.write(`soak: ${calls} calls, ${speed}× time, seed ${seed}, on ${machine}\n`)
  const plan = drawPlan({ seed, calls })
  const observed = await runWorld(plan, {
    speed,
    progress: values.quiet ? undefined : (line) => process.stderr.write(`soak: ${line}\n`),
    keepLogIn: values['keep-log'],
  })
  const report = buildReport(observed)
  const failures = failedPromises(report, { heapGrowthMiB: HEAP_GROWTH_LIMIT_MIB })
  console.log(JSON.stringify({ seed, speed, machine, ...summarize(report) }, null, 2))
  if (failures.length > 0) {
    console.error(`soak: FAILED (seed ${seed}):\n  ${failures.join('\n  ')}`)
    const failed = [
      ...report.missedByApp,
      ...report.duplicateNotifications,
      ...report.withdrawnWhileRinging,
      ...report.leftOpen.map((key) => key.replace(/^call:/, '')),
      ...report.falseMissedCallReports,
    ]
    for (const id of new Set(failed.slice(0, 10))) console.error(explainCall(observed, id))
    process.exit(1)
  }
  console.error('soak: every promise held')
}

/** Counts instead of id lists, for the printout. */
function summarize(report: ReturnType<typeof buildReport>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(report).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.length : value,
    ]),
  )
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
