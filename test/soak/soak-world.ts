// The soak's world: a simulator on compressed time, the calls and faults of a plan
// played against it, a noisy neighbour behind the same IP for 429 storms, and the
// agent (soak-agent.ts) in its own process, frozen with SIGSTOP when it "sleeps".
// It records what happened on the server and what the agent showed, for the report.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AGENT1, FUNKE, createSimulator, type MediaCall, type Simulator } from '../simulator'
import type { AgentToWorld } from './agent-protocol'
import { AgentProcess } from './agent-process'
import { ScaledClock, realNowMs, type SoakTimebase } from '../support/scaled-clock'
import { strike, type NeighbourCounts } from './soak-faults'
import { seededRandom, type PlannedCall, type SoakPlan } from './soak-plan'
import type { CallTruth, FaultRecord, NotificationRecord, SoakObservations } from './soak-report'

export interface WorldOptions {
  /** Virtual milliseconds per real millisecond. */
  speed: number
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void
  /** A folder that keeps the app's log and the simulator's request record, to trace a failure. */
  keepLogIn?: string
}

const RING_EXPIRY_MS = 120_000
/** After the last call: every fault cleared, the app has this long to settle. */
const DRAIN_MS = 6 * 60_000
const token = (user: { tokens: string[] }) => user.tokens[0] ?? ''

export async function runWorld(plan: SoakPlan, options: WorldOptions): Promise<SoakObservations> {
  const world = await World.create(plan, options)
  try {
    return await world.run()
  } finally {
    await world.close()
  }
}

class World {
  private readonly truth = new Map<string, CallTruth>()
  private readonly notifications: NotificationRecord[] = []
  private readonly openNotifications = new Map<string, NotificationRecord>()
  private readonly faults: FaultRecord[] = []
  private readonly notificationWaiters = new Map<string, () => void>()
  /** The noisy neighbour's requests and 429s, which are not the agent's. */
  private readonly neighbour: NeighbourCounts = { requests: 0, rateLimited: 0 }
  /** The fault variants (which 5xx, which broken body) come from the plan's seed too. */
  private readonly random: () => number

  private constructor(
    private readonly plan: SoakPlan,
    private readonly options: WorldOptions,
    private readonly clock: ScaledClock,
    private readonly sim: Simulator,
    private readonly agent: AgentProcess,
    private readonly logDirectory: string,
  ) {
    this.random = seededRandom(plan.seed + 1)
  }

  static async create(plan: SoakPlan, options: WorldOptions): Promise<World> {
    const timebase: SoakTimebase = {
      originRealMs: realNowMs(),
      originVirtualMs: Date.UTC(2026, 11, 1, 8, 0, 0),
      speed: options.speed,
    }
    const clock = new ScaledClock(timebase)
    const sim = await createSimulator({
      clock,
      ringExpiryMs: RING_EXPIRY_MS,
      pingIntervalMs: clock.real(25_000),
    })
    const logDirectory = await mkdtemp(path.join(tmpdir(), 'call-tray-soak-log-'))
    const agent = await AgentProcess.start({
      timebase,
      serverUrl: sim.url,
      userId: AGENT1.id,
      authToken: token(AGENT1),
      logDirectory,
    })
    const world = new World(plan, options, clock, sim, agent, logDirectory)
    agent.onMessage((message) => world.onAgentMessage(message))
    sim.events.on('call-changed', (call: MediaCall) => world.onCallChanged(call))
    return world
  }

  async run(): Promise<SoakObservations> {
    const started = realNowMs()
    const warmAt = this.plan.calls[Math.floor(this.plan.calls.length / 10)]?.atMs ?? 0
    let warmHeap = 0
    const warm = this.sleepUntil(warmAt).then(async () => (warmHeap = await this.agent.heap()))
    const calls = this.plan.calls.map((call) =>
      this.sleepUntil(call.atMs).then(() => this.play(call)),
    )
    const faults = this.playFaults()
    await Promise.all([warm, ...calls, faults])
    this.progress(`all ${this.plan.calls.length} calls played; settling`)
    this.sim.clearFaults()
    this.sim.clearRealtimeFaults()
    await this.sleep(DRAIN_MS)
    const openAtEnd = [...this.openNotifications.keys()]
    const endHeap = await this.agent.heap()
    const virtualMs = this.now()
    await this.agent.stop()
    return {
      calls: [...this.truth.values()],
      notifications: this.notifications,
      openAtEnd,
      faults: this.faults,
      app429s:
        this.sim.requests.filter((r) => r.status === 429).length - this.neighbour.rateLimited,
      polls:
        this.sim.requests.filter((r) => r.route === 'media-calls.state').length -
        this.neighbour.requests,
      heapBytes: { warm: warmHeap, end: endHeap },
      logLines: await this.logLines(),
      secrets: [token(AGENT1)],
      virtualMs,
      realMs: realNowMs() - started,
    }
  }

  async close(): Promise<void> {
    this.agent.kill()
    await this.sim.close()
    if (this.options.keepLogIn) await this.keepLog(this.options.keepLogIn)
    await rm(this.logDirectory, { recursive: true, force: true })
  }

  /** Request times on the plan's axis in seconds, like the failure printout's. */
  private async keepLog(folder: string): Promise<void> {
    await cp(this.logDirectory, folder, { recursive: true })
    const origin = this.clock.timebase.originVirtualMs
    const lines = this.sim.requests.map((r) =>
      [((r.at - origin) / 1000).toFixed(1), r.route, r.status].join(' '),
    )
    await writeFile(path.join(folder, 'requests.txt'), lines.join('\n') + '\n')
  }

  /** Virtual ms since the start of the run (the plan's time axis). */
  private now(): number {
    return this.clock.now() - this.clock.timebase.originVirtualMs
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.clock.setTimeout(resolve, ms))
  }

  private sleepUntil(atMs: number): Promise<void> {
    return this.sleep(atMs - this.now())
  }

  private progress(line: string): void {
    this.options.progress?.(`[${(this.now() / 60_000).toFixed(1)} min] ${line}`)
  }

  private onAgentMessage(message: AgentToWorld): void {
    switch (message.type) {
      case 'notification-shown': {
        const record = { ...message, shownAt: this.now(), closedAt: null }
        delete (record as { type?: string }).type
        this.notifications.push(record)
        this.openNotifications.set(message.key, record)
        this.notificationWaiters.get(message.callId)?.()
        return
      }
      case 'notification-closed': {
        const record = this.openNotifications.get(message.key)
        if (record) record.closedAt = this.now()
        this.openNotifications.delete(message.key)
        return
      }
      default:
        return
    }
  }

  private onCallChanged(call: MediaCall): void {
    if (!call.uids.includes(AGENT1.id)) return
    const now = this.now()
    let truth = this.truth.get(call._id)
    if (!truth) {
      truth = {
        id: call._id,
        direction: call.callee.id === AGENT1.id ? 'incoming' : 'outgoing',
        placedAt: now,
        ringEndedAt: null,
        endedAt: null,
        answered: false,
        endedByAgent: false,
      }
      this.truth.set(call._id, truth)
    }
    if (call.state === 'accepted' || call.state === 'active') {
      truth.answered = true
      truth.ringEndedAt ??= now
    }
    if (call.state === 'hangup') {
      truth.ringEndedAt ??= now
      truth.endedAt = now
      truth.endedByAgent = call.endedBy?.id === AGENT1.id
    }
  }

  private async play(planned: PlannedCall): Promise<void> {
    const { script } = planned
    const incoming = script.kind !== 'outgoing'
    const agent = { type: 'user', id: AGENT1.id } as const
    const caller = { type: 'user', id: FUNKE.id } as const
    const { _id: id } = this.sim.placeCall(
      incoming ? { from: caller, to: agent } : { from: agent, to: caller },
    )
    await this.sleep(planned.ackMs)
    this.tryStep(() => this.sim.ackCall(id))
    switch (script.kind) {
      case 'answered':
        await this.sleep(script.ringMs)
        await this.talk(id, script.talkMs)
        return
      case 'caller-gave-up':
        await this.sleep(script.ringMs)
        this.tryStep(() => this.sim.hangupCall(id, { by: FUNKE.id }))
        return
      case 'declined-elsewhere':
        await this.sleep(script.ringMs)
        this.tryStep(() => this.sim.hangupCall(id, { reason: 'rejected', by: AGENT1.id }))
        return
      case 'declined-in-app':
        if (await this.notified(id, RING_EXPIRY_MS)) {
          await this.sleep(script.reactionMs)
          this.agent.send({ type: 'decline', callId: id })
        }
        await this.untilEnded(id)
        return
      case 'unanswered':
        await this.untilEnded(id)
        return
      case 'outgoing':
        await this.sleep(script.ringMs)
        if (script.talkMs === null) this.tryStep(() => this.sim.hangupCall(id, { by: AGENT1.id }))
        else await this.talk(id, script.talkMs)
        return
    }
  }

  private async talk(id: string, talkMs: number): Promise<void> {
    if (!this.tryStep(() => this.sim.acceptCall(id))) return
    await this.sleep(500)
    this.tryStep(() => this.sim.activateCall(id))
    await this.sleep(talkMs)
    this.tryStep(() => this.sim.hangupCall(id, { by: FUNKE.id }))
  }

  /** A step the call may have outrun (it expired, or the agent declined it): skipped. */
  private tryStep(step: () => unknown): boolean {
    try {
      step()
      return true
    } catch {
      return false
    }
  }

  private notified(callId: string, withinMs: number): Promise<boolean> {
    if (this.notifications.some((n) => n.callId === callId)) return Promise.resolve(true)
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.notificationWaiters.delete(callId)
        resolve(false)
      }, withinMs)
      this.notificationWaiters.set(callId, () => {
        this.clock.clearTimeout(timer)
        this.notificationWaiters.delete(callId)
        resolve(true)
      })
    })
  }

  /** Looking at the call also runs the server's lazy expiry sweep. */
  private async untilEnded(callId: string): Promise<void> {
    while (this.sim.getCall(callId)?.ended === false) await this.sleep(5_000)
  }

  private async playFaults(): Promise<void> {
    for (const fault of this.plan.faults) {
      await this.sleepUntil(fault.atMs)
      const startedAt = this.now()
      this.progress(`fault: ${fault.kind} for ${Math.round(fault.durationMs / 1000)} s`)
      await strike(fault, {
        sim: this.sim,
        clock: this.clock,
        agent: this.agent,
        random: this.random,
        neighbour: this.neighbour,
      })
      this.faults.push({
        kind: fault.kind,
        startedAt,
        endedAt: this.now(),
        ...(fault.jumpMs !== undefined && { jumpMs: fault.jumpMs }),
      })
    }
  }

  /** Both files, should the log have rotated during the run. */
  private async logLines(): Promise<string[]> {
    const read = (name: string) =>
      readFile(path.join(this.logDirectory, name), 'utf8').catch(() => '')
    const text = (await read('main.old.log')) + (await read('main.log'))
    return text.split('\n').filter((line) => line !== '')
  }
}
