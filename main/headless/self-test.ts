// `--self-test`: the desktop app's "Test ring" checks without Electron, one JSON line
// per check and then the verdict, for IT to run where an agent says "it never rings".
import type { Clock } from '../core/clock'
import type { RealtimeHealth, RealtimeSource } from '../core/engine-ports'
import type { RocketChatClient } from '../core/rocketchat-client'
import {
  runSelfTest,
  selfTestPassed,
  type RateReading,
  type RealtimeReading,
  type SelfTestCheck,
  type SelfTestPorts,
} from '../core/self-test'
import { VoiceAvailabilityWatch } from '../core/voice-availability'

/** Long enough for a proxy's CONNECT and a DDP login; a stream slower than this is not healthy. */
export const REALTIME_PROBE_MS = 8000

export interface HeadlessSelfTestOptions {
  client: RocketChatClient
  clock: Clock
  /** Null with --no-realtime. */
  realtime: RealtimeSource | null
  /** Why the stream last went down, from its log. */
  realtimeProblem(): string | null
  print(line: object): void
}

/** Prints the lines and answers the exit code: 0 when every check passed, 1 otherwise. */
export async function headlessSelfTest(options: HeadlessSelfTestOptions): Promise<number> {
  const checks = await runSelfTest(headlessPorts(options), (check) =>
    options.print({ type: 'self-test-check', ...check }),
  )
  const ok = selfTestPassed(checks)
  options.print({ type: 'self-test', ok, checks: checks.map(summary) })
  return ok ? 0 : 1
}

function summary({ id, ok, detail }: SelfTestCheck) {
  return { id, ok, detail }
}

function headlessPorts(options: HeadlessSelfTestOptions): SelfTestPorts {
  const { client, clock, realtime } = options
  return {
    now: () => clock.now(),
    serverInfo: () => client.getServerInfo(),
    signedIn: () => client.me(),
    voice: async () => {
      const watch = new VoiceAvailabilityWatch({ api: client, clock })
      watch.start()
      await watch.firstCheck()
      watch.stop()
      return watch.current
    },
    realtime: () =>
      realtime
        ? probeRealtime(realtime, clock, options.realtimeProblem)
        : Promise.resolve({ healthy: false, detail: 'turned off with --no-realtime' }),
    rateLimit: () => readRateLimit(client),
  }
}

export function probeRealtime(
  realtime: RealtimeSource,
  clock: Clock,
  lastProblem: () => string | null,
): Promise<RealtimeReading> {
  return new Promise((resolve) => {
    const finish = (reading: RealtimeReading) => {
      clock.clearTimeout(timer)
      unsubscribe()
      realtime.stop()
      resolve(reading)
    }
    const timer = clock.setTimeout(
      () =>
        finish({
          healthy: false,
          detail: lastProblem() ?? `no answer within ${REALTIME_PROBE_MS / 1000} s`,
        }),
      REALTIME_PROBE_MS,
    )
    const unsubscribe = realtime.onHealth((health: RealtimeHealth) => {
      if (health === 'healthy') finish({ healthy: true, detail: 'connected' })
      // The first failure is the answer: retrying would only repeat it.
      else if (health === 'down') finish({ healthy: false, detail: lastProblem() ?? 'dropped' })
    })
    realtime.start()
  })
}

/** One request on the calls route tells its budget; requests in this window beyond ours came from other desks. */
async function readRateLimit(client: RocketChatClient): Promise<RateReading> {
  const reply = await client.getCallsState()
  const { result, budget } = reply
  const limited = !result.ok && result.error.kind === 'rate-limited' ? result.error : null
  return {
    limited,
    budget,
    shared: budget && !limited ? budget.limit - budget.remaining > 1 : null,
    sharedSpacingMs: null,
  }
}
