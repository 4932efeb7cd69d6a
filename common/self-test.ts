// The self-test ("Test ring") as the window shows it: each check with its fix.
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

export const SELF_TEST_LABELS: Record<SelfTestCheckId, string> = {
  server: 'Server reachable',
  'sign-in': 'Signed in',
  'voice-calls': 'Voice calls available',
  realtime: 'Live connection',
  'rate-limit': 'Rate limit',
  notifications: 'Notifications allowed',
  ringer: 'Ringer',
}
