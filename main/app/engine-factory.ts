// One engine per signed-in session, speaking to the server through the session
// services' client (Electron's network stack in the packaged app), with the realtime
// stream as the fast path and polling as the safety net.
import { CallEngine } from '../core/call-engine'
import type { Clock } from '../core/clock'
import type { DeskSignals } from '../core/desk-timeline'
import type { AwayMarkStore } from '../core/missed-while-away'
import type { RocketChatClient } from '../core/rocketchat-client'
import { RealtimeListener, type SocketRouter } from '../core/realtime'
import { VoiceAvailabilityWatch } from '../core/voice-availability'
import type { SessionServices } from '../session/session-types'
import { awayAccount } from '../settings/away-mark-file'
import type { EngineSelfTestPorts, RunningEngine } from './engine-handle'
import type { Logger } from './logger'
import type { ActiveSession } from '../session/session-types'
import type { Settings } from '../settings/settings-types'

export function engineFactory(options: {
  createClient: SessionServices['createClient']
  /** Names this app run to the server when it declines a call. */
  contractId: string
  clock: Clock
  logger: Logger
  /** The realtime socket's way to the server: the one REST takes (main/net/realtime-route.ts). */
  socketRouter?: SocketRouter
  /** Where the missed-while-away mark is kept (away-mark-file.ts). */
  awayMarks?: AwayMarkStore
  desk?: DeskSignals
}): (session: ActiveSession, settings: Settings) => RunningEngine {
  return (session, settings) => {
    const client = options.createClient(session.server, session.credentials)
    const realtime = new RealtimeListener({
      server: session.server,
      credentials: session.credentials,
      clock: options.clock,
      route: options.socketRouter,
      log: (message) => options.logger.info(message),
    })
    const voice = new VoiceAvailabilityWatch({ api: client, clock: options.clock })
    const away = options.awayMarks && {
      source: client,
      store: options.awayMarks,
      account: awayAccount(session.server.base, session.user.id),
    }
    const engine = new CallEngine({
      api: client,
      userId: session.user.id,
      contractId: options.contractId,
      clock: options.clock,
      floorIntervalMs: settings.pollFloorSeconds * 1000,
      realtime,
      voice,
      away,
      desk: options.desk,
      warn: (message) => options.logger.warn(message),
      info: (message) => options.logger.info(message),
    })
    return {
      engine,
      dispose: () => client.close(),
      selfTest: selfTestPorts(client, engine, voice),
    }
  }
}

function selfTestPorts(
  client: RocketChatClient,
  engine: CallEngine,
  voice: VoiceAvailabilityWatch,
): EngineSelfTestPorts {
  return {
    serverInfo: () => client.getServerInfo(),
    signedIn: () => client.me(),
    voice: async () => {
      await voice.firstCheck()
      return voice.current
    },
    realtime: () =>
      Promise.resolve(
        engine.state.realtime
          ? { healthy: true, detail: 'connected' }
          : { healthy: false, detail: 'not connected; the log says why' },
      ),
    // One request of the calls route tells its budget now; the scheduler knows who shares it.
    rateLimit: async () => {
      const { result, budget } = await client.getCallsState()
      const limited = !result.ok && result.error.kind === 'rate-limited' ? result.error : null
      return { limited, budget, ...engine.pollBudget }
    },
  }
}
