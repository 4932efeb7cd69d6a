// The soak's agent: Call Tray's app layer and engine exactly as main/index.ts wires
// them (CallTrayApp, engineFactory: the REST client, the realtime listener, the poll
// scheduler), on compressed time, with adapters that report to the world what a
// person at the desk would see. They keep only what is open, so the heap is the app's.
import { CallTrayApp } from '../../main/app/call-tray-app'
import { logUncaughtErrors } from '../../main/app/crash-guard'
import { engineFactory } from '../../main/app/engine-factory'
import {
  alertingPorts,
  FakeAutostart,
  FakeSessions,
  FakeSettings,
  RecordingOpener,
} from '../support/app-fakes'
import type { CallWindow, Notifier, TrayView } from '../../main/app/ports'
import type { Ringtone } from '../../main/alerting/ports'
import { DEFAULT_TIMEOUT_MS, RocketChatClient } from '../../main/core/rocketchat-client'
import { parseServerUrl } from '../../main/core/server-url'
import { SUMMARY_KEY } from '../../main/alerting/summary-alert'
import { createFileLogger } from '../../main/logging/file-logger'
import type { AgentConfig, AgentToWorld, WorldToAgent } from './agent-protocol'
import { ScaledClock } from '../support/scaled-clock'

function send(message: AgentToWorld): void {
  process.send?.(message)
}

function reportingNotifier(): Notifier {
  const open = new Set<string>()
  return {
    show(request) {
      open.add(request.key)
      // The flood summary ("N more calls ringing") belongs to no one call.
      if (request.key === SUMMARY_KEY) return
      send({
        type: 'notification-shown',
        key: request.key,
        kind: request.kind,
        callId: request.callId,
      })
    },
    close(key) {
      if (open.delete(key)) send({ type: 'notification-closed', key })
    },
    closeAll() {
      for (const key of [...open]) this.close(key)
    },
  }
}

const noTray: TrayView = { show() {}, setMenu() {}, destroy() {} }
const noWindow: CallWindow = { show() {}, showCall() {}, toggle() {}, send() {} }
const noRingtone: Ringtone = {
  start() {},
  stop() {},
  listOutputs: async () => [],
  playFor: async () => null,
}

function startAgent(config: AgentConfig): { app: CallTrayApp; clock: ScaledClock } {
  const clock = new ScaledClock(config.timebase)
  const server = parseServerUrl(config.serverUrl)
  if (!server.ok) throw new Error(server.error)
  const logger = createFileLogger({ directory: config.logDirectory, console: false })
  logUncaughtErrors(process, logger)
  const sessions = new FakeSessions()
  sessions.stored = {
    server: server.value,
    credentials: { userId: config.userId, authToken: config.authToken },
    user: { id: config.userId, username: 'agent1', displayName: 'Agent1' },
    method: 'token',
    storage: 'encrypted',
  }
  const app = new CallTrayApp({
    sessions,
    settings: new FakeSettings(),
    startEngine: engineFactory({
      createClient: (url, credentials) =>
        new RocketChatClient({
          server: url,
          credentials,
          now: () => clock.now(),
          // The app's 10 s, in compressed time.
          timeoutMs: clock.real(DEFAULT_TIMEOUT_MS),
        }),
      contractId: 'soak-agent',
      clock,
      logger,
    }),
    tray: noTray,
    notifier: reportingNotifier(),
    ringtone: noRingtone,
    ...alertingPorts(),
    window: noWindow,
    autostart: new FakeAutostart(),
    opener: new RecordingOpener(),
    clock,
    logger,
    quit: () => {},
  })
  void app.start().then(() => send({ type: 'started' }))
  return { app, clock }
}

let app: CallTrayApp | null = null
let clock: ScaledClock | null = null
process.on('message', (message: WorldToAgent) => {
  switch (message.type) {
    case 'start':
      ;({ app, clock } = startAgent(message.config))
      return
    case 'suspend':
      app?.suspend()
      send({ type: 'suspended' })
      return
    case 'wake':
      app?.wake()
      return
    case 'decline':
      void app?.declineFromNotification(message.callId)
      return
    case 'heap':
      globalThis.gc?.()
      send({ type: 'heap', bytes: process.memoryUsage().heapUsed })
      return
    case 'stop':
      app?.shutdown()
      // Disconnect once the message is out: right after send() it can be lost.
      process.send?.({ type: 'stopped' } satisfies AgentToWorld, () => process.disconnect())
      return
    case 'clock-jump':
      clock?.jump(message.deltaMs)
      return
  }
})
