// "Test ring": is the whole path from the server to the agent's ears working? Pure
// checks over what ports report, shared by the desktop app and the headless runner;
// each failed check says how to fix it. A check whose precondition failed (no server,
// no sign-in) is reported as failed with that reason rather than asked again.
import type { SelfTestCheck, SelfTestCheckId } from '../../common/self-test'
import { t } from '../../common/i18n'
import { describeApiError, type ApiError } from './api-errors'
import type { RateBudget } from './rate-limit'
import type { Result } from './result'
import { voiceUnavailableText, type VoiceAvailability } from './voice-availability'

export type { SelfTestCheck, SelfTestCheckId }

/** What the alerting module exposes (branch `ring`); the app implements it from the ringtone for now. */
export interface RingerPort {
  testRing(durationMs: number): Promise<{ ok: boolean; detail: string }>
  ringerDeviceStatus(): Promise<{ present: boolean | null; detail: string }>
}

export interface RealtimeReading {
  healthy: boolean
  detail: string
}

export interface RateReading {
  /** A 429 on the calls route right now. */
  limited: { resetAt: number } | null
  /** The calls route's budget as the server last reported it; null when it said nothing. */
  budget: RateBudget | null
  /** Other desks behind the same address draw on the budget; null when it cannot be told. */
  shared: boolean | null
  /** How late polling alone may see a call while the budget is shared. */
  sharedSpacingMs: number | null
}

export interface NotificationReading {
  /** False: the platform refuses notifications; null: it cannot be told beyond "supported". */
  allowed: boolean | null
  detail: string
}

export interface SelfTestPorts {
  serverInfo(): Promise<Result<{ version: string }, ApiError>>
  signedIn(): Promise<Result<unknown, ApiError>>
  voice(): Promise<VoiceAvailability>
  realtime(): Promise<RealtimeReading>
  rateLimit(): Promise<RateReading>
  /** The desktop app only. */
  notifications?(): Promise<NotificationReading>
  ringer?: RingerPort
  now(): number
}

export const TEST_RING_MS = 3000

export async function runSelfTest(
  ports: SelfTestPorts,
  onCheck: (check: SelfTestCheck) => void = () => {},
): Promise<SelfTestCheck[]> {
  const checks: SelfTestCheck[] = []
  const record = (check: SelfTestCheck): SelfTestCheck => {
    checks.push(check)
    onCheck(check)
    return check
  }
  const now = ports.now()
  const server = record(checkServer(await ports.serverInfo(), now))
  const signIn = record(
    server.ok ? checkSignIn(await ports.signedIn(), now) : blocked('sign-in', server),
  )
  const [voice, realtime, rate] = signIn.ok
    ? await Promise.all([ports.voice(), ports.realtime(), ports.rateLimit()])
    : [null, null, null]
  record(voice ? checkVoiceCalls(voice) : blocked('voice-calls', signIn))
  record(realtime ? checkRealtime(realtime) : blocked('realtime', signIn))
  record(rate ? checkRateLimit(rate, now) : blocked('rate-limit', signIn))
  if (ports.notifications) record(checkNotifications(await ports.notifications()))
  if (ports.ringer) record(await checkRinger(ports.ringer))
  return checks
}

export function checkServer(
  reply: Result<{ version: string }, ApiError>,
  now: number,
): SelfTestCheck {
  if (reply.ok) return pass('server', t('selfTest.serverAnswers', { version: reply.value.version }))
  return fail(
    'server',
    describeApiError(reply.error, now),
    reply.error.kind === 'tls' ? t('selfTest.fixCertificate') : t('selfTest.fixNetwork'),
  )
}

export function checkSignIn(reply: Result<unknown, ApiError>, now: number): SelfTestCheck {
  if (reply.ok) return pass('sign-in', t('selfTest.signInAccepted'))
  if (reply.error.kind === 'unauthorized') {
    return fail('sign-in', t('selfTest.signInRejected'), t('selfTest.fixSignInAgain'))
  }
  return fail('sign-in', describeApiError(reply.error, now), t('selfTest.fixTryLater'))
}

export function checkVoiceCalls(voice: VoiceAvailability): SelfTestCheck {
  switch (voice.kind) {
    case 'available':
      return pass('voice-calls', t('selfTest.voiceAvailable'))
    case 'unknown':
      return pass('voice-calls', t('selfTest.voiceUnknown'))
    case 'unavailable':
      return fail(
        'voice-calls',
        voiceUnavailableText(voice.reason),
        voice.reason === 'not-permitted'
          ? t('selfTest.fixVoicePermission')
          : t('selfTest.fixEnableVoice'),
      )
  }
}

export function checkRealtime(reading: RealtimeReading): SelfTestCheck {
  if (reading.healthy) return pass('realtime', t('selfTest.realtimeUp'))
  return fail(
    'realtime',
    t('selfTest.realtimeDown', { detail: reading.detail }),
    t('selfTest.fixWebSocket'),
  )
}

export function checkRateLimit(reading: RateReading, now: number): SelfTestCheck {
  if (reading.limited) {
    return fail(
      'rate-limit',
      describeApiError({ kind: 'rate-limited', resetAt: reading.limited.resetAt }, now),
      t('selfTest.fixRateLimited'),
    )
  }
  const budget = reading.budget
  const own = budget
    ? t('selfTest.budgetLeft', { remaining: budget.remaining, limit: budget.limit })
    : t('selfTest.noRateLimit')
  if (reading.shared && reading.sharedSpacingMs !== null) {
    return fail(
      'rate-limit',
      t('selfTest.budgetSharedLate', {
        budget: own,
        seconds: Math.ceil(reading.sharedSpacingMs / 1000),
      }),
      t('selfTest.fixSharedBudget'),
    )
  }
  return pass(
    'rate-limit',
    reading.shared
      ? t('selfTest.budgetShared', { budget: own })
      : t('selfTest.budget', { budget: own }),
  )
}

export function checkNotifications(reading: NotificationReading): SelfTestCheck {
  if (reading.allowed === false) {
    return fail('notifications', reading.detail, t('selfTest.fixNotifications'))
  }
  return pass('notifications', reading.detail)
}

export async function checkRinger(ringer: RingerPort): Promise<SelfTestCheck> {
  const [ring, device] = await Promise.all([
    ringer.testRing(TEST_RING_MS),
    ringer.ringerDeviceStatus(),
  ])
  if (!ring.ok || device.present === false) {
    return fail('ringer', ring.ok ? device.detail : ring.detail, t('selfTest.fixRinger'))
  }
  return pass('ringer', `${ring.detail} ${device.detail}`.trim())
}

export function selfTestPassed(checks: readonly SelfTestCheck[]): boolean {
  return checks.every((check) => check.ok)
}

function blocked(id: SelfTestCheckId, cause: SelfTestCheck): SelfTestCheck {
  return fail(
    id,
    t('selfTest.notChecked', { cause: cause.detail }),
    cause.fix ?? t('selfTest.fixAboveFirst'),
  )
}

function pass(id: SelfTestCheckId, detail: string): SelfTestCheck {
  return { id, ok: true, detail, fix: null }
}

function fail(id: SelfTestCheckId, detail: string, fix: string): SelfTestCheck {
  return { id, ok: false, detail, fix }
}
