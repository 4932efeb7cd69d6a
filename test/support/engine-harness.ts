// Runs the real engine (client + scheduler + tracker) against a simulator over
// HTTP, recording what it emits, with helpers to wait for an event.
import { randomUUID } from 'node:crypto'
import { CallEngine, type EngineEvent } from '../../main/core/call-engine'
import { systemClock } from '../../main/core/clock'
import type { AwayMarkStore } from '../../main/core/missed-while-away'
import { RealtimeListener } from '../../main/core/realtime'
import { RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl, type ServerUrl } from '../../main/core/server-url'
import { VoiceAvailabilityWatch } from '../../main/core/voice-availability'
import { Recorder } from './recorder'
import { AGENT1, FUNKE, createSimulator, type Simulator, type SimulatorOptions } from '../simulator'

export interface EngineHarness {
  sim: Simulator
  engine: CallEngine
  events: EngineEvent[]
  /** What the engine warned about and the realtime listener logged (never secrets). */
  logs: string[]
  waitFor(
    predicate: (event: EngineEvent) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<EngineEvent>
  ringAgent(): string
  /** Quits this engine and starts a new one against the same server (same remembered state). */
  restart(): EngineHarness
  close(): Promise<void>
}

export interface HarnessEngineOptions {
  floorIntervalMs?: number
  historyRetryDelaysMs?: number[]
  /** Watch voice-call availability, as the app does. */
  voice?: boolean
  /** Listen to the DDP stream as well, as the app does (reconnecting fast so drops show quickly). */
  realtime?: boolean
  /** Ask for calls missed while away, remembering the mark here. */
  away?: AwayMarkStore
  info?: (message: string) => void
}

export async function startEngineHarness(
  simOptions: SimulatorOptions = {},
  engineOptions: HarnessEngineOptions = {},
): Promise<EngineHarness> {
  const sim = await createSimulator(simOptions)
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const logs: string[] = []
  const harnessFor = (): EngineHarness => {
    const running = startEngine(server.value, engineOptions, logs)
    const harness: EngineHarness = {
      sim,
      engine: running.engine,
      events: running.recorder.items,
      logs,
      waitFor: (predicate, what, timeoutMs) => running.recorder.waitFor(predicate, what, timeoutMs),
      ringAgent: () => {
        const call = sim.placeCall({
          from: { type: 'user', id: FUNKE.id },
          to: { type: 'user', id: AGENT1.id },
        })
        sim.ackCall(call._id)
        return call._id
      },
      restart: () => {
        running.stop()
        const next = harnessFor()
        Object.assign(harness, next)
        return harness
      },
      close: async () => {
        running.stop()
        await sim.close()
      },
    }
    return harness
  }
  return harnessFor()
}

function startEngine(server: ServerUrl, engineOptions: HarnessEngineOptions, logs: string[]) {
  const credentials = { userId: AGENT1.id, authToken: AGENT1.tokens[0] ?? '' }
  const client = new RocketChatClient({ server, credentials })
  const realtime = engineOptions.realtime
    ? new RealtimeListener({
        server,
        credentials,
        clock: systemClock,
        backoff: { baseMs: 40, capMs: 320 },
        log: (line) => logs.push(line),
      })
    : undefined
  const engine = new CallEngine({
    api: client,
    userId: AGENT1.id,
    contractId: randomUUID(),
    clock: systemClock,
    floorIntervalMs: engineOptions.floorIntervalMs ?? 100,
    historyRetryDelaysMs: engineOptions.historyRetryDelaysMs ?? [100, 200],
    backoff: { baseMs: 100, capMs: 400 },
    realtime,
    info: engineOptions.info,
    warn: (message) => logs.push(message),
    ...(engineOptions.away
      ? { away: { source: client, store: engineOptions.away, account: 'agent1@sim' } }
      : {}),
    ...(engineOptions.voice
      ? { voice: new VoiceAvailabilityWatch({ api: client, clock: systemClock }) }
      : {}),
  })
  const recorder: Recorder<EngineEvent> = new Recorder(
    () => `Events: ${JSON.stringify(recorder.items.map((event: EngineEvent) => event.type))}`,
  )
  engine.on((event) => recorder.push(event))
  return {
    engine,
    recorder,
    stop: () => {
      engine.stop()
      client.close()
    },
  }
}
