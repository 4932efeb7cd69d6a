// When to check, download and install updates, as the administrator's policy says. No
// feed (or updates off) means no request at all. Otherwise: one check shortly after
// start and then every six hours, each wait stretched at random so a fleet started at
// nine does not ask at once; downloads in the background; an update published less than
// `deferHours` ago waits; it installs when the app quits or when the agent chooses
// "Restart to update", and that restart never interrupts a call that rings or is live.
import { describeError, type Logger } from '../app/logger'
import type { UpdatePrompt } from '../app/ports'
import type { UpdateReadiness } from '../app/tray-menu'
import type { Clock, TimerHandle } from '../core/clock'
import { feedFromPolicy } from './update-feed'
import type { UpdatePolicy } from './update-policy'
import type { AvailableUpdate, Updater } from './updater'

const HOUR_MS = 3_600_000
export const FIRST_CHECK_DELAY_MS = 60_000
export const FIRST_CHECK_JITTER_MS = 60_000
export const CHECK_INTERVAL_MS = 6 * HOUR_MS
export const CHECK_JITTER_MS = 30 * 60_000
/** How often a restart the agent asked for during a call looks whether the call ended. */
export const CALL_END_POLL_MS = 2_000

export interface UpdateControllerOptions {
  policy: UpdatePolicy
  /** Called only once a feed is known, so without one nothing of the updater is touched. */
  createUpdater(): Updater
  /** Whether a call rings or is in progress (the app layer knows). */
  hasLiveCalls(): boolean
  clock: Clock
  /** 0 ≤ x < 1, for the jitter. */
  random(): number
  logger: Logger
}

type Phase =
  | { kind: 'off' }
  | { kind: 'waiting' }
  | { kind: 'downloading'; version: string }
  | { kind: 'ready'; version: string }
  | { kind: 'restart-after-call'; version: string }

export class UpdateController implements UpdatePrompt {
  private phase: Phase = { kind: 'off' }
  private updater: Updater | null = null
  private timer: TimerHandle | null = null
  private stopped = false
  /** When this app first saw a version, for feeds that give no release date. */
  private readonly firstSeen = new Map<string, number>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly options: UpdateControllerOptions) {}

  start(): void {
    const { logger } = this.options
    const choice = feedFromPolicy(this.options.policy)
    if (!choice.ok) return logger.info(`No update checks: ${choice.reason}.`)
    try {
      this.updater = this.options.createUpdater()
      this.updater.useFeed(choice.feed)
    } catch (error) {
      return logger.error(`The updater could not be set up: ${describeError(error)}`)
    }
    logger.info(
      `Updates come from ${choice.feed.url} (channel ${choice.feed.channel ?? 'latest'}).`,
    )
    this.setPhase({ kind: 'waiting' })
    this.schedule(FIRST_CHECK_DELAY_MS + this.options.random() * FIRST_CHECK_JITTER_MS)
  }

  stop(): void {
    this.stopped = true
    this.clearTimer()
  }

  readiness(): UpdateReadiness {
    if (this.phase.kind === 'ready') return 'ready'
    if (this.phase.kind === 'restart-after-call') return 'after-call'
    return 'none'
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The agent chose "Restart to update": now, or as soon as no call rings or is live. */
  restartToUpdate(): void {
    if (this.phase.kind !== 'ready') return
    if (!this.options.hasLiveCalls()) return this.install()
    this.options.logger.info('Restarting to update as soon as the call ends.')
    this.setPhase({ kind: 'restart-after-call', version: this.phase.version })
    this.waitForCallsToEnd()
  }

  private async check(updater: Updater): Promise<void> {
    let update: AvailableUpdate | null
    try {
      update = await updater.check()
    } catch (error) {
      this.options.logger.warn(`Checking for updates failed: ${describeError(error)}`)
      return this.scheduleNextCheck()
    }
    if (this.stopped) return
    if (update === null) return this.scheduleNextCheck()
    const installableAt = this.installableAt(update)
    const now = this.options.clock.now()
    if (now < installableAt) {
      this.options.logger.info(
        `Update ${update.version} waits until ${new Date(installableAt).toISOString()} (deferred by policy).`,
      )
      return this.scheduleNextCheck(installableAt - now)
    }
    await this.download(updater, update.version)
  }

  private async download(updater: Updater, version: string): Promise<void> {
    this.options.logger.info(`Downloading update ${version}.`)
    this.setPhase({ kind: 'downloading', version })
    try {
      await updater.download()
    } catch (error) {
      this.options.logger.warn(`Downloading update ${version} failed: ${describeError(error)}`)
      this.setPhase({ kind: 'waiting' })
      return this.scheduleNextCheck()
    }
    if (this.stopped) return
    this.options.logger.info(`Update ${version} is ready; it installs when Call Tray quits.`)
    this.setPhase({ kind: 'ready', version })
  }

  /** The release date plus the deferral; without a date, from when this app first saw it. */
  private installableAt(update: AvailableUpdate): number {
    const deferMs = this.options.policy.deferHours * HOUR_MS
    if (deferMs === 0) return -Infinity
    const published = update.releaseDate === null ? NaN : Date.parse(update.releaseDate)
    if (Number.isFinite(published)) return published + deferMs
    const seen = this.firstSeen.get(update.version) ?? this.options.clock.now()
    this.firstSeen.set(update.version, seen)
    return seen + deferMs
  }

  private waitForCallsToEnd(): void {
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null
      if (this.options.hasLiveCalls()) this.waitForCallsToEnd()
      else this.install()
    }, CALL_END_POLL_MS)
  }

  private install(): void {
    const updater = this.updater
    if (updater === null || this.stopped) return
    this.options.logger.info('Restarting to install the update.')
    try {
      updater.restartAndInstall()
    } catch (error) {
      this.options.logger.error(`Installing the update failed: ${describeError(error)}`)
      if (this.phase.kind === 'restart-after-call')
        this.setPhase({ kind: 'ready', version: this.phase.version })
    }
  }

  /** The next regular check, or sooner when a deferral ends first; jitter on top either way. */
  private scheduleNextCheck(limitMs = CHECK_INTERVAL_MS): void {
    const waitMs = Math.min(CHECK_INTERVAL_MS, limitMs)
    this.schedule(waitMs + this.options.random() * CHECK_JITTER_MS)
  }

  private schedule(ms: number): void {
    const updater = this.updater
    if (updater === null || this.stopped) return
    this.clearTimer()
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null
      void this.check(updater)
    }, ms)
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }

  private setPhase(phase: Phase): void {
    const before = this.readiness()
    this.phase = phase
    if (this.readiness() === before) return
    for (const listener of this.listeners) listener()
  }
}
