// One engine per signed-in session, speaking to the server through the session
// services' client (Electron's network stack in the packaged app), with the realtime
// stream as the fast path and polling as the safety net.
import { CallEngine } from '../core/call-engine'
import type { Clock } from '../core/clock'
import { RealtimeListener, type SocketRouter } from '../core/realtime'
import { VoiceAvailabilityWatch } from '../core/voice-availability'
import type { SessionServices } from '../session/session-types'
import type { RunningEngine } from './engine-handle'
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
    const engine = new CallEngine({
      api: client,
      userId: session.user.id,
      contractId: options.contractId,
      clock: options.clock,
      floorIntervalMs: settings.pollFloorSeconds * 1000,
      realtime,
      voice: new VoiceAvailabilityWatch({ api: client, clock: options.clock }),
      warn: (message) => options.logger.warn(message),
    })
    return { engine, dispose: () => client.close() }
  }
}
