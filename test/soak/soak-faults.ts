// How each kind of fault strikes: the simulator's fault injection for the server and
// the stream, a noisy neighbour for 429 storms, and the agent's own sleep and clock.
// Each returns when its fault is over (at once for those that happen at an instant).
import { DEFAULT_TIMEOUT_MS } from '../../main/core/rocketchat-client'
import { FUNKE, type Simulator } from '../simulator'
import type { AgentProcess } from './agent-process'
import type { ScaledClock } from '../support/scaled-clock'
import type { PlannedFault } from './soak-plan'

export interface NeighbourCounts {
  requests: number
  rateLimited: number
}

export interface FaultContext {
  sim: Simulator
  clock: ScaledClock
  agent: AgentProcess
  /** Picks the variant (which 5xx, which broken body) from the plan's seed. */
  random: () => number
  /** What the noisy neighbour sent and got, to tell its requests from the agent's. */
  neighbour: NeighbourCounts
}

const PROXY_502_PAGE =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>'
/** Garbage any route may get, and one answer that is only wrong for the state route. */
const MALFORMED_BODIES: { body: string; route?: string }[] = [
  { body: '{"success":true,"calls":[{"_id":' },
  { body: '<!DOCTYPE html><html><body>Maintenance</body></html>' },
  { body: '' },
  { body: 'null' },
  { body: '{"success":true,"calls":"not a list"}', route: 'media-calls.state' },
]

export async function strike(fault: PlannedFault, context: FaultContext): Promise<void> {
  const { sim, clock, agent } = context
  const sleep = (ms: number) => new Promise<void>((resolve) => clock.setTimeout(resolve, ms))
  const lasting = async (inject: () => void) => {
    inject()
    await sleep(fault.durationMs)
    sim.clearFaults()
    sim.clearRealtimeFaults()
  }
  const pick = <T>(items: readonly T[]) => items[Math.floor(context.random() * items.length)] as T
  switch (fault.kind) {
    case 'http-5xx':
      return lasting(() =>
        sim.injectFault(
          pick([
            { kind: 'status', status: 502, body: PROXY_502_PAGE, contentType: 'text/html' },
            { kind: 'status', status: 503 },
            { kind: 'status', status: 500 },
          ] as const),
        ),
      )
    case 'timeouts':
      // Answers that come only after the app's timeout.
      return lasting(() =>
        sim.injectFault({ kind: 'delay', ms: clock.real(DEFAULT_TIMEOUT_MS + 5000) }),
      )
    case 'dropped-connections':
      return lasting(() => sim.injectFault({ kind: 'drop' }))
    case 'malformed-bodies':
      return lasting(() => {
        const { body, route } = pick(MALFORMED_BODIES)
        sim.injectFault({ kind: 'malformed', body }, route === undefined ? {} : { route })
      })
    case 'server-restart':
      return sim.restart({ downMs: clock.real(fault.durationMs) })
    case 'rate-limit-storm':
      return noisyNeighbour(context, fault.durationMs, sleep)
    case 'realtime-drop':
      return sim.injectRealtimeFault({ kind: 'drop' })
    case 'realtime-garbage':
      return sim.injectRealtimeFault({ kind: 'garbage' })
    case 'realtime-dead-line':
      return lasting(() => sim.injectRealtimeFault({ kind: 'no-pong' }))
    case 'realtime-refused':
      return lasting(() => {
        sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 502 })
        sim.injectRealtimeFault({ kind: 'drop' })
      })
    case 'sleep':
      return agent.sleep(() => sleep(fault.durationMs))
    case 'clock-jump':
      agent.send({ type: 'clock-jump', deltaMs: fault.jumpMs ?? 0 })
      return
  }
}

/** Another agent behind the same NAT polling once a second: the route's budget runs dry for both. */
async function noisyNeighbour(
  { sim, clock, neighbour }: FaultContext,
  durationMs: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  const until = clock.monotonic() + durationMs
  while (clock.monotonic() < until) {
    try {
      neighbour.requests += 1
      const answer = await fetch(`${sim.url}/api/v1/media-calls.state`, {
        headers: { 'X-User-Id': FUNKE.id, 'X-Auth-Token': FUNKE.tokens[0] ?? '' },
      })
      await answer.arrayBuffer()
      if (answer.status === 429) neighbour.rateLimited += 1
    } catch {
      // The neighbour's own trouble is not the agent's.
    }
    await sleep(1000)
  }
}
