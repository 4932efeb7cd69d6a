// `npm run bench`: how fast an incoming call reaches the agent, against the
// simulator on loopback under its default rate limit (10 calls / 60 s per route):
// time from the call's creation on the server to the engine's incoming-call event,
// with the realtime stream and with polling alone, and the REST requests a minute
// each mode spends while idle. A script that prints figures, not a timed test.
import { randomUUID } from 'node:crypto'
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import { CallEngine, type EngineEvent } from '../../main/core/call-engine'
import { systemClock } from '../../main/core/clock'
import { RealtimeListener } from '../../main/core/realtime'
import { RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl } from '../../main/core/server-url'
import { AGENT1, FUNKE, createSimulator, type Simulator } from '../simulator'

type Mode = 'realtime' | 'polling'

interface ModeResult {
  mode: Mode
  latencies: number[]
  idleRestPerMinute: number
  /** 429 answers by route. */
  rateLimited: Record<string, number>
}

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '200' },
    'idle-seconds': { type: 'string', default: '60' },
  },
})
const CALLS = Number(values.calls)
const IDLE_MS = Number(values['idle-seconds']) * 1000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function runMode(mode: Mode): Promise<ModeResult> {
  const sim = await createSimulator()
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const credentials = { userId: AGENT1.id, authToken: AGENT1.tokens[0] ?? '' }
  const client = new RocketChatClient({ server: server.value, credentials })
  const realtime =
    mode === 'realtime'
      ? new RealtimeListener({ server: server.value, credentials, clock: systemClock })
      : undefined
  const engine = new CallEngine({
    api: client,
    userId: AGENT1.id,
    contractId: randomUUID(),
    clock: systemClock,
    realtime,
  })
  const rung = new Map<string, number>()
  const waiters = new Map<string, () => void>()
  engine.on((event: EngineEvent) => {
    if (event.type === 'notification' && event.event === 'incoming-call') {
      rung.set(event.call.id, performance.now())
      waiters.get(event.call.id)?.()
    }
  })
  engine.start()
  await until(
    () => engine.state.status.state === 'online' && (mode === 'polling' || engine.state.realtime),
  )

  const idleRestPerMinute = await measureIdle(sim)
  const latencies =
    mode === 'realtime'
      ? await ringSequentially(sim, rung, waiters)
      : await ringOverlapping(sim, rung)
  const rateLimited: Record<string, number> = {}
  for (const request of sim.requests.filter((r) => r.status === 429)) {
    rateLimited[request.route] = (rateLimited[request.route] ?? 0) + 1
  }

  engine.stop()
  client.close()
  await sim.close()
  return { mode, latencies, idleRestPerMinute, rateLimited }
}

async function measureIdle(sim: Simulator): Promise<number> {
  const count = () => sim.requests.filter((request) => request.route !== 'info').length
  // Let the pace settle (the first window's budget spread, the stream's first reconcile).
  await sleep(Math.min(IDLE_MS, 15_000))
  const before = count()
  await sleep(IDLE_MS)
  return ((count() - before) * 60_000) / IDLE_MS
}

function placeCall(sim: Simulator): { id: string; createdAt: number } {
  const call = sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
  })
  return { id: call._id, createdAt: performance.now() }
}

/** With the stream each call rings within milliseconds: one after another. */
async function ringSequentially(
  sim: Simulator,
  rung: Map<string, number>,
  waiters: Map<string, () => void>,
) {
  const latencies: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const { id, createdAt } = placeCall(sim)
    await new Promise<void>((resolve) => {
      waiters.set(id, resolve)
      if (rung.has(id)) resolve()
    })
    latencies.push((rung.get(id) ?? NaN) - createdAt)
    sim.hangupCall(id, { reason: 'normal', by: FUNKE.id })
    await sleep(20)
  }
  return latencies
}

/** Polling sees a call only at its next poll: calls overlap, one placed every second, each ringing 30 s. */
async function ringOverlapping(sim: Simulator, rung: Map<string, number>) {
  const placed: { id: string; createdAt: number }[] = []
  for (let i = 0; i < CALLS; i++) {
    placed.push(placeCall(sim))
    await sleep(1000)
    for (const call of placed) {
      const live = sim.getCall(call.id)?.ended === false
      if (live && (rung.has(call.id) || performance.now() - call.createdAt > 30_000)) {
        sim.hangupCall(call.id, { reason: 'normal', by: FUNKE.id })
      }
    }
  }
  await until(
    () => placed.every((call) => rung.has(call.id) || sim.getCall(call.id)?.ended),
    60_000,
  )
  return placed.map((call) => (rung.get(call.id) ?? Number.POSITIVE_INFINITY) - call.createdAt)
}

async function until(condition: () => boolean | undefined, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('bench: timed out waiting for the engine')
    await sleep(10)
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

function row(result: ModeResult): string {
  const sorted = [...result.latencies].sort((a, b) => a - b)
  const missed = sorted.filter((latency) => !Number.isFinite(latency)).length
  const cells = [
    result.mode.padEnd(9),
    String(result.latencies.length).padStart(5),
    percentile(sorted, 50).toFixed(1).padStart(9),
    percentile(sorted, 95).toFixed(1).padStart(9),
    String(missed).padStart(7),
    result.idleRestPerMinute.toFixed(1).padStart(14),
    JSON.stringify(result.rateLimited).padStart(5),
  ]
  return cells.join('  ')
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
  process.stderr.write(`bench: ${CALLS} calls per mode, ${IDLE_MS / 1000} s idle, on ${machine}\n`)
  const results: ModeResult[] = []
  for (const mode of ['realtime', 'polling'] as const) {
    process.stderr.write(`bench: measuring ${mode}…\n`)
    results.push(await runMode(mode))
  }
  console.log(
    `Incoming call → notification, simulator on loopback, default rate limit (${machine})`,
  )
  console.log('mode       calls     p50 ms     p95 ms  missed  idle REST/min   429')
  for (const result of results) console.log(row(result))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
