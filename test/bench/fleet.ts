// `npm run bench:fleet -- --agents 20`: a contact center behind one NAT. N agents, each
// its own user with the engine as the app runs it (REST client, realtime listener,
// voice-availability watch, scheduler), all on one IP against the simulator at its
// default limit (10 requests a minute per route), with realistic traffic: each agent is
// called every one or two minutes, half the calls answered on another device, half left
// ringing until the caller gives up after 25 s. Measured once with the stream healthy and
// once with every WebSocket refused (a proxy), on compressed time (--speed) after a
// warm-up. A script that prints figures, not a timed test.
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import type { ConnectionStatus } from '../../common/calls'
import { CallEngine, type EngineEvent } from '../../main/core/call-engine'
import { RealtimeListener } from '../../main/core/realtime'
import { DEFAULT_TIMEOUT_MS, RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl, type ServerUrl } from '../../main/core/server-url'
import { VoiceAvailabilityWatch } from '../../main/core/voice-availability'
import { FUNKE, createSimulator, makeAgents, type SimUser, type Simulator } from '../simulator'
import { ScaledClock, realNowMs } from '../support/scaled-clock'

type Mode = 'stream healthy' | 'WebSocket refused'

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '20' },
    minutes: { type: 'string', default: '3' },
    'warmup-minutes': { type: 'string' },
    speed: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    // `healthy`, `refused` or both (the default): one mode alone halves a long run.
    mode: { type: 'string', default: 'both' },
  },
})
const AGENTS = Number(values.agents)
const MINUTE = 60_000
const MEASURE_MS = Number(values.minutes) * MINUTE
// A desk learns the others' pace from a few answers; a big fleet's desks ask rarely.
const WARMUP_MS = Number(values['warmup-minutes'] ?? 5 + AGENTS / 10) * MINUTE
const SPEED = Number(values.speed)
const LIMIT = { calls: 10, windowMs: 60_000 }
const STAGGER_MS = 2 * MINUTE

interface CallRecord {
  agent: number
  placedAt: number
  ringEndedAt: number | null
  answered: boolean
  notifiedAt: number | null
}

interface AgentRun {
  user: SimUser
  engine: CallEngine
  close(): void
  status: ConnectionStatus
  realtime: boolean
  /** Virtual ms with the stream up, and of those with a status other than online. */
  streamUpMs: number
  streamUpNotOnlineMs: number
  lastChangeAt: number
  missedReports: string[]
}

/** A small seeded generator, so the same seed places the same calls. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

async function runMode(mode: Mode): Promise<string[]> {
  const clock = new ScaledClock({
    originRealMs: realNowMs(),
    originVirtualMs: Date.UTC(2026, 11, 1, 8, 0, 0),
    speed: SPEED,
  })
  const users = makeAgents(AGENTS)
  const sim = await createSimulator({
    clock,
    users: [...users, FUNKE],
    rateLimit: LIMIT,
    pingIntervalMs: clock.real(25_000),
  })
  if (mode === 'WebSocket refused') sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 403 })
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)

  const calls = new Map<string, CallRecord>()
  const measuring = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY }
  const inWindow = (at: number) => at >= measuring.from && at < measuring.to
  const random = seeded(Number(values.seed))
  // Agents start their day over the first minutes, not in one instant.
  const agents = await Promise.all(
    users.map(async (user, index) => {
      await new Promise((resolve) => setTimeout(resolve, clock.real(random() * STAGGER_MS)))
      return startAgent(user, index, server.value, clock, calls, measuring)
    }),
  )
  const timers = new Set<ReturnType<typeof setTimeout>>()
  const later = (virtualMs: number, action: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      action()
    }, clock.real(virtualMs))
    timers.add(timer)
  }
  const placeCalls = (index: number) => {
    later(60_000 + random() * 60_000, () => {
      placeCall(sim, calls, index, random, clock, later)
      placeCalls(index)
    })
  }
  for (let index = 0; index < AGENTS; index++) placeCalls(index)

  await new Promise((resolve) => setTimeout(resolve, clock.real(WARMUP_MS)))
  measuring.from = clock.now()
  for (const agent of agents) agent.lastChangeAt = measuring.from
  const requestsBefore = sim.requests.length
  await new Promise((resolve) => setTimeout(resolve, clock.real(MEASURE_MS)))
  measuring.to = clock.now()
  for (const agent of agents) accrue(agent, measuring.to, measuring)
  const requests = sim.requests.slice(requestsBefore).filter((request) => inWindow(request.at))

  for (const timer of timers) clearTimeout(timer)
  for (const agent of agents) agent.close()
  await sim.close()
  return report(mode, agents, calls, requests, inWindow)
}

function startAgent(
  user: SimUser,
  index: number,
  server: ServerUrl,
  clock: ScaledClock,
  calls: Map<string, CallRecord>,
  measuring: { from: number; to: number },
): AgentRun {
  const credentials = { userId: user.id, authToken: user.tokens[0] ?? '' }
  const client = new RocketChatClient({
    server,
    credentials,
    now: () => clock.now(),
    timeoutMs: clock.real(DEFAULT_TIMEOUT_MS),
  })
  const realtime = new RealtimeListener({ server, credentials, clock })
  const engine = new CallEngine({
    api: client,
    userId: user.id,
    contractId: `bench-${index}`,
    clock,
    realtime,
    voice: new VoiceAvailabilityWatch({ api: client, clock }),
  })
  const agent: AgentRun = {
    user,
    engine,
    close: () => {
      engine.stop()
      client.close()
    },
    status: { state: 'connecting' },
    realtime: false,
    streamUpMs: 0,
    streamUpNotOnlineMs: 0,
    lastChangeAt: clock.now(),
    missedReports: [],
  }
  engine.on((event: EngineEvent) => {
    const now = clock.now()
    if (event.type === 'status' || event.type === 'realtime') accrue(agent, now, measuring)
    if (event.type === 'status') agent.status = event.status
    if (event.type === 'realtime') agent.realtime = event.healthy
    if (event.type !== 'notification') return
    const record = calls.get(event.call.id)
    if (event.event === 'missed-call') agent.missedReports.push(event.call.id)
    else if (record && record.notifiedAt === null) record.notifiedAt = now
  })
  engine.start()
  return agent
}

/** Time since the agent's last change, counted while the stream was up. */
function accrue(agent: AgentRun, now: number, measuring: { from: number; to: number }): void {
  const from = Math.max(agent.lastChangeAt, measuring.from)
  const to = Math.min(now, measuring.to)
  if (to > from && agent.realtime) {
    agent.streamUpMs += to - from
    if (agent.status.state !== 'online') agent.streamUpNotOnlineMs += to - from
  }
  agent.lastChangeAt = now
}

function placeCall(
  sim: Simulator,
  calls: Map<string, CallRecord>,
  agent: number,
  random: () => number,
  clock: ScaledClock,
  later: (virtualMs: number, action: () => void) => void,
): void {
  const answered = random() < 0.5
  const user = `fleetAgent${String(agent + 1).padStart(7, '0')}`
  const call = sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: user },
  })
  // The agent's own Rocket.Chat client acknowledges: the call rings.
  sim.ackCall(call._id)
  const record: CallRecord = {
    agent,
    placedAt: clock.now(),
    ringEndedAt: null,
    answered,
    notifiedAt: null,
  }
  calls.set(call._id, record)
  const endRing = () => (record.ringEndedAt = clock.now())
  if (answered) {
    later(5000 + random() * 15_000, () => {
      endRing()
      sim.acceptCall(call._id)
      sim.activateCall(call._id)
      later(30_000 + random() * 60_000, () => sim.hangupCall(call._id, { by: FUNKE.id }))
    })
  } else {
    later(25_000, () => {
      endRing()
      sim.hangupCall(call._id, { reason: 'not-answered', by: FUNKE.id })
    })
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? NaN
}

function report(
  mode: Mode,
  agents: AgentRun[],
  calls: Map<string, CallRecord>,
  requests: Simulator['requests'],
  inWindow: (at: number) => boolean,
): string[] {
  const rung = [...calls.values()].filter(
    (call) => inWindow(call.placedAt) && call.ringEndedAt !== null,
  )
  const seen = rung.filter(
    (call) => call.notifiedAt !== null && call.notifiedAt <= (call.ringEndedAt ?? 0),
  )
  const latencies = seen.map((call) => (call.notifiedAt ?? 0) - call.placedAt).sort((a, b) => a - b)
  const minutes = MEASURE_MS / MINUTE
  const state = requests.filter((request) => request.route === 'media-calls.state')
  const rejectedByRoute: Record<string, number> = {}
  for (const request of requests.filter((r) => r.status === 429)) {
    rejectedByRoute[request.route] = (rejectedByRoute[request.route] ?? 0) + 1
  }
  const streamUp = agents.reduce((sum, agent) => sum + agent.streamUpMs, 0)
  const notOnline = agents.reduce((sum, agent) => sum + agent.streamUpNotOnlineMs, 0)
  // A missed-call notice for a call that was answered is a false report.
  const falseMissed = agents
    .flatMap((agent) => agent.missedReports)
    .filter((id) => calls.get(id)?.answered === true).length
  // Polling at an equal share of the limit: one poll every N × window / limit per desk.
  const fairPeriod = (AGENTS * LIMIT.windowMs) / LIMIT.calls
  const fairBest =
    rung.reduce(
      (sum, call) => sum + Math.min(1, ((call.ringEndedAt ?? 0) - call.placedAt) / fairPeriod),
      0,
    ) / Math.max(1, rung.length)
  const explained = agents.filter(
    (agent) => agent.status.state === 'online' && agent.status.notice === 'polling-shared',
  ).length
  const percent = (x: number) => `${(100 * x).toFixed(1)} %`
  return [
    `| ${mode} | ${AGENTS} | ${rung.length} / ${seen.length} (${percent(seen.length / Math.max(1, rung.length))}) | ` +
      `${percentile(latencies, 50).toFixed(0)} / ${percentile(latencies, 95).toFixed(0)} ms | ` +
      `${(state.length / minutes).toFixed(1)} | ${state.filter((r) => r.status === 429).length} | ` +
      `${JSON.stringify(rejectedByRoute)} | ${streamUp > 0 ? percent(notOnline / streamUp) : '–'} | ` +
      `${falseMissed} | ${percent(fairBest)} | ${explained} / ${AGENTS} |`,
  ]
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`
  process.stderr.write(
    `bench:fleet: ${AGENTS} agents on one IP, ${WARMUP_MS / MINUTE} min warm-up, ${MEASURE_MS / MINUTE} min measured, ${SPEED}× time, on ${machine}\n`,
  )
  const rows: string[] = []
  const modes: Mode[] =
    values.mode === 'healthy'
      ? ['stream healthy']
      : values.mode === 'refused'
        ? ['WebSocket refused']
        : ['stream healthy', 'WebSocket refused']
  for (const mode of modes) {
    process.stderr.write(`bench:fleet: ${mode}…\n`)
    rows.push(...(await runMode(mode)))
  }
  console.log(`Fleet on one IP, default limit (${machine}, ${SPEED}× time)`)
  console.log(
    '| mode | agents | calls rung / seen while ringing | ring → notification p50 / p95 | media-calls.state a minute | its 429s | 429s by route | not "online" while the stream is up | false missed-call reports | fair-share best for polling | status explains the shared budget |',
  )
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const row of rows) console.log(row)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
