// Can this user receive voice calls at all? A server whose license lacks `teams-voip`, or a
// user whose roles hold neither voice-call permission, answers `media-calls.state` with an
// empty list forever, which would look like a healthy, quiet "online". Rocket.Chat's own
// client enables calls only with the module and one of the permissions
// (apps/meteor/client/providers/MediaCallProvider.tsx); 7.x also has the public setting
// `VoIP_TeamCollab_Enabled`. The verdict is pure; the watch asks rarely, because each of
// these routes has its own 10-a-minute budget shared by every agent behind the office's IP.
import type { ApiError } from './api-errors'
import { steadyAt, type Clock, type TimerHandle } from './clock'
import type { RateBudget } from './rate-limit'
import type { Reply } from './rocketchat-client'
import { SharedBudget } from './shared-budget'
import { t } from '../../common/i18n'
import type { MessageKey } from '../../common/i18n/catalog'

export type VoiceUnavailableReason = 'not-licensed' | 'disabled' | 'not-permitted'

export type VoiceAvailability =
  | { kind: 'available' }
  /** Not known (yet): polling goes on as usual. */
  | { kind: 'unknown' }
  | { kind: 'unavailable'; reason: VoiceUnavailableReason }

export const VOICE_LICENSE_MODULE = 'teams-voip'
export const VOICE_PERMISSIONS = ['allow-internal-voice-calls', 'allow-external-voice-calls']
export const VOICE_SETTING = 'VoIP_TeamCollab_Enabled'

/** Each fact is null while it cannot be told (a 404 or 403 from an older or locked-down server). */
export interface VoiceFacts {
  licensed: boolean | null
  /** 7.x only; gone in 8.0, where calls are on whenever licensed. */
  settingEnabled: boolean | null
  permitted: boolean | null
}

/** Any one fact that says no is enough; "yes" needs the license and the permission. */
export function judgeVoiceAvailability(facts: VoiceFacts): VoiceAvailability {
  if (facts.licensed === false) return { kind: 'unavailable', reason: 'not-licensed' }
  if (facts.settingEnabled === false) return { kind: 'unavailable', reason: 'disabled' }
  if (facts.permitted === false) return { kind: 'unavailable', reason: 'not-permitted' }
  return facts.licensed && facts.permitted ? { kind: 'available' } : { kind: 'unknown' }
}

/** The permission's roles; null when the server lists neither permission (it cannot tell). */
export function holdsVoicePermission(
  roles: readonly string[],
  permissionRoles: ReadonlyMap<string, readonly string[]>,
): boolean | null {
  const granted = VOICE_PERMISSIONS.map((id) => permissionRoles.get(id))
  if (granted.every((list) => list === undefined)) return null
  return granted.some((list) => list?.some((role) => roles.includes(role)) ?? false)
}

export interface PermissionChanges {
  update: { id: string; roles: string[]; updatedAt: string | null }[]
  remove: string[]
}

/** What the watch asks the server (the REST client implements it). */
export interface VoiceAccessApi {
  getLicenseModules(): Promise<Reply<string[]>>
  getMyRoles(): Promise<Reply<string[] | null>>
  /** `updatedSince`: only what changed after it (the server's own `_updatedAt`). */
  listPermissions(updatedSince?: string): Promise<Reply<PermissionChanges>>
  /** The public setting's value; undefined when the server has no such setting. */
  getPublicSetting(id: string): Promise<Reply<unknown>>
}

/** Re-checks 10 to 15 minutes apart: a license or role changes rarely, the budget is shared. */
export const RECHECK_MIN_MS = 10 * 60_000
export const RECHECK_SPREAD_MS = 5 * 60_000
/** A check that could not finish (network, 5xx, 429) tries again sooner. */
export const RETRY_AFTER_FAILURE_MS = 2 * 60_000
/** These checks are worth less than the polls that ring: a small part of a shared budget. */
const CHECK_SHARE = 0.3

export interface VoiceWatchOptions {
  api: VoiceAccessApi
  clock: Clock
  random?: () => number
}

/** A check's answer: a fact, "cannot tell" (null), or "ask again" (the fact we had stays). */
type Reading<T> = { fact: T } | { retry: true }

export class VoiceAvailabilityWatch {
  private readonly api: VoiceAccessApi
  private readonly clock: Clock
  private readonly random: () => number
  private readonly listeners = new Set<(availability: VoiceAvailability) => void>()
  private facts: VoiceFacts = { licensed: null, settingEnabled: null, permitted: null }
  private roles: string[] | null = null
  private readonly permissionRoles = new Map<string, string[]>()
  private permissionsKnown = false
  /** The newest `_updatedAt` seen (the server's clock), so re-checks ask only for changes. */
  private permissionsSince: string | null = null
  /** Set once a server answered without the 7.x setting: 8.x, never asked again. */
  private settingGone = false
  private verdict: VoiceAvailability = { kind: 'unknown' }
  private timer: TimerHandle | null = null
  private running = false
  private firstDone: Promise<void> = Promise.resolve()
  /** What the license route's budget says of the other desks behind our IP (all four routes alike). */
  private readonly share = new SharedBudget()
  private lastDelayMs = RECHECK_MIN_MS

  constructor(options: VoiceWatchOptions) {
    this.api = options.api
    this.clock = options.clock
    this.random = options.random ?? Math.random
  }

  get current(): VoiceAvailability {
    return this.verdict
  }

  /** Resolves when the first check is done (at once when not started). */
  firstCheck(): Promise<void> {
    return this.firstDone
  }

  onChange(listener: (availability: VoiceAvailability) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.firstDone = this.checkAndPlan()
  }

  stop(): void {
    this.running = false
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private async checkAndPlan(): Promise<void> {
    const complete = await this.check()
    if (!this.running) return
    const own = complete
      ? RECHECK_MIN_MS + this.random() * RECHECK_SPREAD_MS
      : RETRY_AFTER_FAILURE_MS * (1 + this.random() / 2)
    // Two hundred desks asking every ten minutes would spend these routes' budget.
    const fair = this.share.fairSpacing(this.lastDelayMs, CHECK_SHARE, this.clock.monotonic())
    const delay = fair === null ? own : Math.max(own, fair * (0.8 + 0.4 * this.random()))
    this.lastDelayMs = delay
    this.timer = this.clock.setTimeout(() => void this.checkAndPlan(), delay)
  }

  /** True when every question got an answer (a fact or "cannot tell"). */
  private async check(): Promise<boolean> {
    const [license, roles, permissions, setting] = await Promise.all([
      this.api.getLicenseModules().then((reply) => {
        this.learn(reply.budget)
        return read(reply)
      }),
      this.api.getMyRoles().then((reply) => read(reply)),
      this.api.listPermissions(this.permissionsSince ?? undefined).then((reply) => read(reply)),
      this.settingGone ? null : this.api.getPublicSetting(VOICE_SETTING).then((r) => read(r)),
    ])
    if (!this.running) return false
    if ('fact' in license)
      this.facts.licensed = license.fact?.includes(VOICE_LICENSE_MODULE) ?? null
    if (setting && 'fact' in setting) this.facts.settingEnabled = this.readSetting(setting.fact)
    if ('fact' in roles) this.roles = roles.fact
    if ('fact' in permissions) this.mergePermissions(permissions.fact)
    if ('fact' in roles || 'fact' in permissions) {
      this.facts.permitted =
        this.roles && this.permissionsKnown
          ? holdsVoicePermission(this.roles, this.permissionRoles)
          : null
    }
    this.publish(judgeVoiceAvailability(this.facts))
    return [license, roles, permissions, setting].every((item) => item === null || 'fact' in item)
  }

  private learn(budget: RateBudget | null): void {
    if (budget) {
      const steady = { ...budget, resetAt: steadyAt(this.clock, budget.resetAt) }
      this.share.observe(steady, this.clock.monotonic())
    }
  }

  /** undefined: the server has no such setting (8.x); null: it could not tell. */
  private readSetting(value: unknown): boolean | null {
    if (value === undefined) this.settingGone = true
    return typeof value === 'boolean' ? value : null
  }

  private mergePermissions(changes: PermissionChanges | null): void {
    this.permissionsKnown = changes !== null
    if (!changes) {
      this.permissionRoles.clear()
      this.permissionsSince = null
      return
    }
    for (const id of changes.remove) this.permissionRoles.delete(id)
    for (const permission of changes.update) {
      this.permissionRoles.set(permission.id, permission.roles)
      // ISO-8601 strings in UTC sort as they compare in time.
      const since = permission.updatedAt
      if (since && (this.permissionsSince === null || since > this.permissionsSince))
        this.permissionsSince = since
    }
  }

  private publish(next: VoiceAvailability): void {
    if (JSON.stringify(next) === JSON.stringify(this.verdict)) return
    this.verdict = next
    for (const listener of this.listeners) listener(next)
  }
}

/** A 404 or 403 means "cannot tell" (null); other failures mean "ask again". */
function read<T>(reply: Reply<T>): Reading<T | null> {
  if (reply.result.ok) return { fact: reply.result.value }
  return cannotTell(reply.result.error) ? { fact: null } : { retry: true }
}

function cannotTell(error: ApiError): boolean {
  return error.kind === 'not-supported' || (error.kind === 'rejected' && error.status === 403)
}

const VOICE_UNAVAILABLE_KEYS = {
  'not-licensed': 'voice.notLicensed',
  disabled: 'voice.disabled',
  'not-permitted': 'voice.notPermitted',
} as const satisfies Record<VoiceUnavailableReason, MessageKey>

export function voiceUnavailableText(reason: VoiceUnavailableReason): string {
  return t(VOICE_UNAVAILABLE_KEYS[reason])
}
