// The self-test ("Test ring") as the window shows it: each check with its fix.
import { t } from './i18n'
import type { MessageKey } from './i18n/catalog'

export type SelfTestCheckId =
  'server' | 'sign-in' | 'voice-calls' | 'realtime' | 'rate-limit' | 'notifications' | 'ringer'

export interface SelfTestCheck {
  id: SelfTestCheckId
  ok: boolean
  detail: string
  /** What to do about a failed check; null when it passed. */
  fix: string | null
}

export interface SelfTestState {
  running: boolean
  checks: SelfTestCheck[]
  /** Epoch ms the last run finished; null while the first one runs. */
  finishedAt: number | null
}

const SELF_TEST_LABEL_KEYS = {
  server: 'selfTest.check.server',
  'sign-in': 'selfTest.check.signIn',
  'voice-calls': 'selfTest.check.voiceCalls',
  realtime: 'selfTest.check.realtime',
  'rate-limit': 'selfTest.check.rateLimit',
  notifications: 'selfTest.check.notifications',
  ringer: 'selfTest.check.ringer',
} as const satisfies Record<SelfTestCheckId, MessageKey>

export const selfTestLabel = (id: SelfTestCheckId): string => t(SELF_TEST_LABEL_KEYS[id])
