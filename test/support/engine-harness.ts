// Runs the real engine (client + scheduler + tracker) against a simulator over
// HTTP, recording what it emits, with helpers to wait for an event.
import { randomUUID } from 'node:crypto'
import { CallEngine, type EngineEvent } from '../../main/core/call-engine'
import { systemClock } from '../../main/core/clock'
import { RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl } from '../../main/core/server-url'
import { AGENT1, FUNKE, createSimulator, type Simulator, type SimulatorOptions } from '../simulator'

export interface EngineHarness {
  sim: Simulator
  engine: CallEngine
  events: EngineEvent[]
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
  engineOptions: { floorIntervalMs?: number; historyRetryDelaysMs?: number[] } = {},
): Promise<EngineHarness> {
  const sim = await createSimulator(simOptions)
  const server = parseServerUrl(sim.url)
  if (!server.ok) throw new Error(server.error)
  const client = new RocketChatClient({
    server: server.value,
    credentials: { userId: AGENT1.id, authToken: AGENT1.tokens[0] ?? '' },
  })
  const engine = new CallEngine({
    api: client,
    userId: AGENT1.id,
    contractId: randomUUID(),
    clock: systemClock,
    floorIntervalMs: engineOptions.floorIntervalMs ?? 100,
    historyRetryDelaysMs: engineOptions.historyRetryDelaysMs ?? [100, 200],
    backoff: { baseMs: 100, capMs: 400 },
  })
  const events: EngineEvent[] = []
  const waiters = new Set<() => void>()
  engine.on((event) => {
    events.push(event)
    for (const wake of waiters) wake()
  })

  // Waits on what the engine emits, not on the clock: the generous timeout only
  // turns a hang into a readable failure.
  const waitFor = (predicate: (event: EngineEvent) => boolean, what: string, timeoutMs = 15_000) =>
    new Promise<EngineEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(predicate)
        if (!found) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(
          new Error(
            `Timed out waiting for ${what}. Events: ${JSON.stringify(events.map((e) => e.type))}`,
          ),
        )
      }, timeoutMs)
      waiters.add(check)
      check()
    })

  return {
    sim,
    engine,
    events,
    waitFor,
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
