// Runs the real engine (client + scheduler + tracker) against a simulator over
// HTTP, recording what it emits, with helpers to wait for an event.
import { randomUUID } from 'node:crypto'
import { CallEngine, type EngineEvent } from '../../main/core/call-engine'
import { systemClock } from '../../main/core/clock'
import { RealtimeListener } from '../../main/core/realtime'
import { RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl } from '../../main/core/server-url'
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
  close(): Promise<void>
}

export async function startEngineHarness(
  simOptions: SimulatorOptions = {},
  engineOptions: {
    floorIntervalMs?: number
    historyRetryDelaysMs?: number[]
    /** Watch voice-call availability, as the app does. */
    voice?: boolean
    /** Listen to the DDP stream as well, as the app does (pinged often so drops show quickly). */
    realtime?: boolean
  } = {},
): Promise<EngineHarness> {
  const sim = await createSimulator(simOptions)
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const logs: string[] = []
  const credentials = { userId: AGENT1.id, authToken: AGENT1.tokens[0] ?? '' }
  const client = new RocketChatClient({ server: server.value, credentials })
  const engine = new CallEngine({
    api: client,
    userId: AGENT1.id,
    contractId: randomUUID(),
    clock: systemClock,
    floorIntervalMs: engineOptions.floorIntervalMs ?? 100,
    historyRetryDelaysMs: engineOptions.historyRetryDelaysMs ?? [100, 200],
    backoff: { baseMs: 100, capMs: 400 },
    warn: (message) => logs.push(message),
    ...(engineOptions.voice
      ? { voice: new VoiceAvailabilityWatch({ api: client, clock: systemClock }) }
      : {}),
    ...(engineOptions.realtime
      ? {
          realtime: new RealtimeListener({
            server: server.value,
            credentials,
            clock: systemClock,
            backoff: { baseMs: 50, capMs: 400 },
            log: (line) => logs.push(line),
          }),
        }
      : {}),
  })
  const recorder: Recorder<EngineEvent> = new Recorder(
    () => `Events: ${JSON.stringify(recorder.items.map((event: EngineEvent) => event.type))}`,
  )
  engine.on((event) => recorder.push(event))

  return {
    sim,
    engine,
    events: recorder.items,
    logs,
    waitFor: (predicate, what, timeoutMs) => recorder.waitFor(predicate, what, timeoutMs),
    ringAgent: () => {
      const call = sim.placeCall({
        from: { type: 'user', id: FUNKE.id },
        to: { type: 'user', id: AGENT1.id },
      })
      sim.ackCall(call._id)
      return call._id
    },
    close: async () => {
      engine.stop()
      client.close()
      await sim.close()
    },
  }
}
