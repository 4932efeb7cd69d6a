// "Test ring" in the app: the engine's checks of the server, plus what only the desktop
// can check (notifications, the ringer), over the shared pure checks in core/self-test.
import {
  runSelfTest,
  type NotificationReading,
  type RingerPort,
  type SelfTestCheck,
} from '../core/self-test'
import type { EngineSelfTestPorts } from './engine-handle'
import type { Notifier } from './ports'

export const TEST_NOTIFICATION_KEY = 'self-test'

export interface AppSelfTestDeps {
  /** Null while signed out: the server checks then say so. */
  engine: EngineSelfTestPorts | null
  notifier: Notifier
  /** Electron's Notification.isSupported() and what else the platform tells. */
  notifications(): Promise<NotificationReading>
  ringer: RingerPort
  now(): number
}

const SIGNED_OUT = {
  ok: false as const,
  error: { kind: 'unauthorized' as const, message: 'Not signed in.' },
}

export async function runAppSelfTest(
  deps: AppSelfTestDeps,
  onCheck: (check: SelfTestCheck) => void,
): Promise<SelfTestCheck[]> {
  deps.notifier.show({
    key: TEST_NOTIFICATION_KEY,
    kind: 'incoming-call',
    callId: TEST_NOTIFICATION_KEY,
    title: 'Test ring',
    body: 'This is how an incoming call looks and sounds.',
    decline: false,
  })
  const engine = deps.engine
  return runSelfTest(
    {
      now: deps.now,
      serverInfo: engine
        ? () => engine.serverInfo()
        : () => Promise.resolve({ ok: false, error: { kind: 'network', cause: 'not signed in' } }),
      signedIn: engine ? () => engine.signedIn() : () => Promise.resolve(SIGNED_OUT),
      voice: engine ? () => engine.voice() : () => Promise.resolve({ kind: 'unknown' }),
      realtime: engine
        ? () => engine.realtime()
        : () => Promise.resolve({ healthy: false, detail: 'not signed in' }),
      rateLimit: engine
        ? () => engine.rateLimit()
        : () =>
            Promise.resolve({ limited: null, budget: null, shared: null, sharedSpacingMs: null }),
      notifications: deps.notifications,
      ringer: deps.ringer,
    },
    onCheck,
  )
}
