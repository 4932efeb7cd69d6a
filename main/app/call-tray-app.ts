// The app layer: one session at a time, its engine, and what the tray, window,
// notifications and ringtone show of it. It owns no Electron object; main/index.ts
// hands it adapters behind the ports in ports.ts.
import type { Call, ConnectionStatus, RecentCall } from '../../common/calls'
import { setLocale, t } from '../../common/i18n'
import { chooseLocale } from '../../common/i18n/locales'
import { policyUnreadableText } from '../../common/policy-text'
import type { SelfTestState } from '../../common/self-test'
import type {
  ActionResult,
  AppState,
  SettingsPatch,
  SignInInput,
  SignInResult,
} from '../../common/ipc-contract'
import type { AudioOutput } from '../../common/ipc-contract'
import { Alerting } from '../alerting/alerting'
import { isPaused, isRingingIncoming, pauseFrom } from '../alerting/alert-policy'
import type { Attention, DndProbe, Ringtone } from '../alerting/ports'
import type { EngineEvent } from '../core/call-engine'
import type { Clock } from '../core/clock'
import type { NotificationReading } from '../core/self-test'
import type { ActiveSession, SessionManager } from '../session/session-types'
import type { Settings, SettingsStore } from '../settings/settings-types'
import { statusLine } from './activity-log'
import { buildAppState } from './app-state'
import { syncAutostart } from './autostart-sync'
import { CoalescedPush } from './coalesced-push'
import type { EngineHandle, RunningEngine } from './engine-handle'
import {
  isAllowedDesktopAppLink,
  isAllowedExternalUrl,
  isNotificationSettingsUrl,
} from './external-url'
import { describeError, guarded, type Logger } from './logger'
import { PauseTimer } from './pause-timer'
import type {
  Autostart,
  CallWindow,
  ExternalOpener,
  DesktopApps,
  GlobalShortcut,
  Notifier,
  TrayView,
  UpdatePrompt,
} from './ports'
import { browserLink, desktopAppLink } from './rocket-chat-link'
import { SummaryAlert } from '../alerting/summary-alert'
import { runAppSelfTest } from './self-test-run'
import { runTrayAction } from './tray-actions'
import type { TrayAction, TrayMenuOptions } from './tray-menu'
import { TrayPublisher } from './tray-publisher'

export type { EngineHandle, RunningEngine }

export interface CallTrayAppOptions {
  sessions: SessionManager
  settings: SettingsStore
  startEngine(session: ActiveSession, settings: Settings): RunningEngine
  tray: TrayView
  notifier: Notifier
  ringtone: Ringtone
  attention: Attention
  dnd: DndProbe
  shortcut: GlobalShortcut
  desktopApps: DesktopApps
  /** The OS page where notifications are allowed (external-url.ts); null where there is none. */
  notificationSettingsUrl: string | null
  window: CallWindow
  autostart: Autostart
  opener: ExternalOpener
  /** Offers "Restart to update" in the tray once an update is downloaded. */
  updates?: UpdatePrompt
  clock: Clock
  logger: Logger
  quit(): void
  /** The administrator's policy is there but unusable (main/policy logged why): stay signed out. */
  policyUnreadable?: boolean
  /** What "Test ring" can learn of the platform's notifications (Electron, main/notifications). */
  notificationsAllowed?: () => Promise<NotificationReading>
  /** The system's preferred languages, which the Language setting 'system' follows. */
  systemLanguages?: () => readonly string[]
}

function signInError(message: string): SignInResult {
  return { ok: false, kind: 'error', field: null, message }
}

export class CallTrayApp {
  private session: ActiveSession | null = null
  private running: RunningEngine | null = null
  private status: ConnectionStatus = { state: 'connecting' }
  private calls: Call[] = []
  private recent: RecentCall[] = []
  private suspended = false
  private signingIn = false
  private lastSent = ''
  private lastStatusLine = ''
  private selfTest: SelfTestState | undefined
  private settings: Settings
  private readonly alerts: Alerting
  private readonly summary: SummaryAlert
  /** Engine events come in bursts under a flood: the window and tray follow them coalesced. */
  private readonly enginePush: CoalescedPush
  private shortcutRegistered: string | null = null
  private readonly trayPublisher: TrayPublisher
  private readonly pauseTimer: PauseTimer
  private readonly unsubscribeSettings: () => void
  private readonly unsubscribeUpdates: () => void

  constructor(private readonly options: CallTrayAppOptions) {
    this.settings = options.settings.get()
    this.followLanguage()
    this.alerts = new Alerting({
      notifier: options.notifier,
      ringtone: options.ringtone,
      attention: options.attention,
      dnd: options.dnd,
      logger: options.logger,
      clock: options.clock,
      settings: () => this.settings,
      onDndChange: () => this.publish(),
    })
    this.summary = new SummaryAlert({
      notifier: options.notifier,
      logger: options.logger,
      now: () => options.clock.now(),
      settings: () => this.settings,
    })
    this.enginePush = new CoalescedPush(options.clock, () => this.publish())
    this.trayPublisher = new TrayPublisher({
      tray: options.tray,
      clock: options.clock,
      logger: options.logger,
      currentState: () => this.getState(),
      menuOptions: () => this.trayMenuOptions(),
    })
    this.pauseTimer = new PauseTimer(options.clock, () => this.onPauseEnded())
    this.unsubscribeSettings = options.settings.onChange((settings) => this.onSettings(settings))
    this.unsubscribeUpdates = options.updates?.onChange(() => this.publish()) ?? (() => {})
  }

  async start(): Promise<void> {
    if (this.options.policyUnreadable) {
      this.publish()
      this.showWindow()
      return
    }
    void syncAutostart(this.options.autostart, this.settings.startAtLogin, this.options.logger)
    this.pauseTimer.follow(this.settings.pause)
    this.followShortcut()
    void this.alerts.checkDnd()
    let restored: ActiveSession | null = null
    try {
      restored = await this.options.sessions.restore()
    } catch (error) {
      this.options.logger.warn(`Could not restore the last session: ${describeError(error)}`)
    }
    if (restored) this.begin(restored)
    this.publish()
    if (!restored) this.showWindow()
  }

  getState(): AppState {
    const { sessions } = this.options
    // Signed out without choosing to be (a rejected or unreadable secret): the sign-in form says why.
    const reason = this.session ? null : sessions.signedOutReason()
    return buildAppState({
      session: this.session,
      lastServerUrl: sessions.lastServerUrl(),
      status: reason ? { state: 'unauthorized', detail: reason } : this.status,
      calls: this.calls,
      recent: this.recent,
      settings: this.settings,
      locked: this.options.settings.locked(),
      now: this.options.clock.now(),
      policyUnreadable: this.options.policyUnreadable ?? false,
      notificationsBlocked: this.alerts.dndReading().notificationsBlocked,
      selfTest: this.selfTest,
    })
  }

  /** Whether notifications are paused right now (a missed call says so). */
  notificationsPaused(): boolean {
    return isPaused(this.settings.pause, this.options.clock.now())
  }

  /** What the OS said of do-not-disturb at its last reading (at start, and as a call rings). */
  doNotDisturb(): boolean {
    return this.alerts.dndReading().doNotDisturb
  }

  /** "Test ring": rings, shows a test notification, and checks the path to the server. */
  async runSelfTest(): Promise<void> {
    if (this.selfTest?.running) return
    const checks: SelfTestState['checks'] = []
    this.selfTest = { running: true, checks, finishedAt: null }
    this.publish()
    const { clock, notifier, logger } = this.options
    try {
      await runAppSelfTest(
        {
          engine: this.running?.selfTest ?? null,
          notifier,
          notifications:
            this.options.notificationsAllowed ??
            (() => Promise.resolve({ allowed: null, detail: 'Not known on this platform.' })),
          // Rings on the chosen output(s) and tells whether they are there.
          ringer: this.alerts,
          now: () => clock.now(),
        },
        (check) => {
          checks.push(check)
          logger.info(`Self-test ${check.id}: ${check.ok ? 'ok' : 'failed'} (${check.detail})`)
          this.selfTest = { running: true, checks: [...checks], finishedAt: null }
          this.publish()
        },
      )
    } catch (error) {
      logger.error(`The self-test failed unexpectedly: ${describeError(error)}`)
    }
    this.selfTest = { running: false, checks: [...checks], finishedAt: clock.now() }
    this.publish()
  }

  async signIn(input: SignInInput): Promise<SignInResult> {
    if (this.options.policyUnreadable) return signInError(`${policyUnreadableText()}.`)
    if (this.session) return signInError(t('signInError.alreadySignedIn'))
    if (this.signingIn) return signInError(t('signInError.alreadySigningIn'))
    this.signingIn = true
    try {
      const { result, session } = await this.options.sessions.signIn(input)
      if (session) this.begin(session)
      this.publish()
      return result
    } catch (error) {
      this.options.logger.error(`Sign-in failed: ${describeError(error)}`)
      return signInError(t('signInError.unexpected'))
    } finally {
      this.signingIn = false
    }
  }

  async signOut(): Promise<void> {
    const session = this.session
    if (!session) return
    this.end({ state: 'connecting' })
    try {
      await this.options.sessions.signOut(session)
    } catch (error) {
      this.options.logger.warn(`Signing out on the server failed: ${describeError(error)}`)
    }
  }

  async declineCall(callId: string): Promise<ActionResult> {
    const engine = this.running?.engine
    if (!engine) return { ok: false, message: 'Not signed in.' }
    const result = await engine.decline(callId)
    if (result.ok) return { ok: true }
    this.options.logger.info(`Declining call ${callId} failed: ${result.error}`)
    return { ok: false, message: result.error }
  }

  /** In Rocket.Chat Desktop when it is installed (the fastest way to answer), else the browser. */
  async openRocketChat(callId?: string): Promise<void> {
    const base = this.session?.server.base ?? null
    if (base === null) return
    const call = this.calls.find((candidate) => candidate.id === callId) ?? null
    const desktop = this.options.desktopApps.hasRocketChat() ? desktopAppLink(base, call) : null
    const url =
      desktop && isAllowedDesktopAppLink(desktop, base) ? desktop : browserLink(base, call)
    if (url !== desktop && !isAllowedExternalUrl(url, base)) return
    try {
      await this.options.opener.open(url)
    } catch (error) {
      this.options.logger.warn(`Opening Rocket.Chat failed: ${describeError(error)}`)
    }
  }

  async openNotificationSettings(): Promise<void> {
    const url = this.options.notificationSettingsUrl
    if (url === null || !isNotificationSettingsUrl(url)) return
    try {
      await this.options.opener.open(url)
    } catch (error) {
      this.options.logger.warn(`Opening the notification settings failed: ${describeError(error)}`)
    }
  }

  listAudioOutputs(): Promise<AudioOutput[]> {
    return this.options.ringtone.listOutputs().catch((error: unknown) => {
      this.options.logger.warn(`Listing the audio outputs failed: ${describeError(error)}`)
      return []
    })
  }

  pauseNotifications(minutes: number | null): void {
    this.updateSettings({ pause: pauseFrom(minutes, this.options.clock.now()) })
  }

  resumeNotifications(): void {
    this.updateSettings({ pause: null })
  }

  handleTrayAction(action: TrayAction): void {
    runTrayAction(this, action)
  }

  showWindow(): void {
    guarded(this.options.logger, 'Showing the window', () => this.options.window.show())
  }

  /** A change from the settings view; a locked setting comes back with the store's reason. */
  changeSettings(patch: SettingsPatch): ActionResult {
    const result = this.options.settings.update(patch)
    if (result.ok) return { ok: true }
    this.options.logger.info(`A setting was not changed: ${result.error}`)
    return { ok: false, message: result.error }
  }

  setStartAtLogin(enabled: boolean): void {
    this.updateSettings({ startAtLogin: enabled })
  }

  quit(): void {
    this.options.quit()
  }

  restartToUpdate(): void {
    this.options.updates?.restartToUpdate()
  }

  testRing(): void {
    this.showWindow()
    void this.runSelfTest()
  }

  /** Whether a call rings or is in progress: an update must not restart the app then. */
  hasLiveCalls(): boolean {
    return this.calls.length > 0
  }

  /** A click on a call's notification: answering happens in Rocket.Chat, which the window offers. */
  notificationClicked(): void {
    this.showWindow()
  }

  /** The Decline action of an incoming call's notification. */
  async declineFromNotification(callId: string): Promise<void> {
    const result = await this.declineCall(callId)
    // The call is still ringing (or the server could not be reached): let the agent see it.
    if (!result.ok) this.notificationClicked()
  }

  /** The computer goes to sleep: no polls until it wakes. Locking the screen is not sleep. */
  suspend(): void {
    this.suspended = true
    this.running?.engine.pause()
  }

  wake(): void {
    this.suspended = false
    this.running?.engine.resume()
    this.running?.engine.refresh()
  }

  shutdown(): void {
    guarded(this.options.logger, 'Releasing the global shortcut', () =>
      this.options.shortcut.unregister(),
    )
    this.unsubscribeSettings()
    this.unsubscribeUpdates()
    this.stopEngine()
    this.alerts.clear()
    this.summary.clear()
    this.enginePush.dispose()
    this.pauseTimer.dispose()
    this.trayPublisher.dispose()
  }

  private begin(session: ActiveSession): void {
    this.stopEngine()
    this.session = session
    this.lastStatusLine = ''
    this.status = { state: 'connecting' }
    this.calls = []
    this.recent = []
    const running = this.options.startEngine(session, this.settings)
    this.running = running
    running.engine.on((event) => {
      if (this.running === running) this.onEngineEvent(event)
    })
    running.engine.start()
    if (this.suspended) running.engine.pause()
  }

  private end(status: ConnectionStatus): void {
    this.stopEngine()
    this.session = null
    this.status = status
    this.calls = []
    this.recent = []
    this.alerts.clear()
    this.summary.clear()
    this.publish()
  }

  private stopEngine(): void {
    const running = this.running
    this.running = null
    if (!running) return
    running.engine.stop()
    guarded(this.options.logger, 'Closing the server connection', () => running.dispose())
  }

  private onEngineEvent(event: EngineEvent): void {
    switch (event.type) {
      case 'status':
        this.status = event.status
        this.logStatus(event.status)
        if (event.status.state === 'unauthorized') return this.onRejected(event.status)
        break
      case 'calls':
        this.calls = event.calls
        this.alerts.onCalls(event.calls)
        break
      case 'recent':
        this.recent = event.recent
        break
      case 'notification':
        // What the notification opens shows the call already.
        this.enginePush.flush()
        this.alerts.onNotificationEvent(event)
        return
      case 'notification-closed':
        this.alerts.onNotificationEvent(event)
        return
      case 'notification-summary':
      case 'notification-summary-closed':
        this.summary.onEvent(event)
        return
    }
    this.enginePush.request()
  }

  private logStatus(status: ConnectionStatus): void {
    const line = statusLine(status)
    if (line === this.lastStatusLine) return
    this.lastStatusLine = line
    this.options.logger.info(line)
  }

  /** The server no longer accepts the token: forget it and ask the agent to sign in again. */
  private onRejected(status: ConnectionStatus): void {
    this.options.logger.warn('The server rejected the stored credentials; signed out.')
    this.end(status)
    this.options.sessions.forgetRejected().catch((error: unknown) => {
      this.options.logger.warn(
        `Forgetting the rejected credentials failed: ${describeError(error)}`,
      )
    })
    this.showWindow()
  }

  private onSettings(settings: Settings): void {
    const previous = this.settings
    this.settings = settings
    if (settings.pollFloorSeconds !== previous.pollFloorSeconds) {
      this.running?.engine.setFloorInterval(settings.pollFloorSeconds * 1000)
    }
    if (settings.startAtLogin !== previous.startAtLogin)
      void syncAutostart(this.options.autostart, settings.startAtLogin, this.options.logger)
    // Before anything is published, so the tray and the window's next state speak it.
    if (settings.language !== previous.language) this.followLanguage()
    this.pauseTimer.follow(settings.pause)
    this.followShortcut()
    this.alerts.refresh()
    this.summary.refresh()
    this.publish()
  }

  /** What main words from now on; text already shown (a notification) stays as it was. */
  private followLanguage(): void {
    setLocale(chooseLocale(this.settings.language, this.options.systemLanguages?.() ?? []))
  }

  /** Registers the global shortcut the settings ask for, and only that one. */
  private followShortcut(): void {
    const { enabled, accelerator } = this.settings.globalShortcut
    const want = enabled ? accelerator : null
    if (want === this.shortcutRegistered) return
    const { shortcut, logger } = this.options
    if (this.shortcutRegistered !== null)
      guarded(logger, 'Releasing the global shortcut', () => shortcut.unregister())
    this.shortcutRegistered = null
    if (want === null) return
    if (shortcut.register(want, () => this.onShortcut())) this.shortcutRegistered = want
    else logger.warn(`The shortcut ${want} could not be registered (another app may use it).`)
  }

  /** The global shortcut: the window, with the ringing call focused when one rings. */
  private onShortcut(): void {
    const ringing = this.calls.find(isRingingIncoming)
    const { window, logger } = this.options
    if (ringing) guarded(logger, 'Showing the ringing call', () => window.showCall(ringing.id))
    else this.showWindow()
  }

  private updateSettings(patch: Partial<Settings>): void {
    const result = this.options.settings.update(patch)
    if (!result.ok) this.options.logger.warn(`A setting was not changed: ${result.error}`)
  }

  private onPauseEnded(): void {
    this.resumeNotifications()
    // Also when the setting could not be cleared (locked): an expired pause is no pause.
    this.alerts.refresh()
    this.summary.refresh()
    this.publish()
  }

  private publish(): void {
    const state = this.getState()
    const serialized = JSON.stringify(state)
    if (serialized !== this.lastSent) {
      this.lastSent = serialized
      guarded(this.options.logger, 'Updating the window', () => this.options.window.send(state))
    }
    this.trayPublisher.update(state)
  }

  private trayMenuOptions(): TrayMenuOptions {
    const locked = this.options.settings.locked()
    return {
      startAtLogin: this.settings.startAtLogin,
      startAtLoginLocked: locked.has('startAtLogin'),
      pauseLocked: locked.has('pause'),
      update: this.options.updates?.readiness() ?? 'none',
    }
  }
}
