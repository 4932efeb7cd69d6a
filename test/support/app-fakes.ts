// Test support: plain recording stand-ins for the app layer's ports and for the
// session and settings services. Imported by tests only.
import { DEFAULT_SETTINGS } from '../../main/settings/settings-schema'
import type { Call, CallPeer } from '../../common/calls'
import type { AppState, SignInInput, SignInResult } from '../../common/ipc-contract'
import type { EngineEvent } from '../../main/core/call-engine'
import type { Clock, TimerHandle } from '../../main/core/clock'
import { err, ok, type Result } from '../../main/core/result'
import type { ActiveSession, SessionManager } from '../../main/session/session-types'
import type { SettingKey, Settings, SettingsStore } from '../../main/settings/settings-types'
import type { EngineHandle } from '../../main/app/call-tray-app'
import type { Logger } from '../../main/app/logger'
import type {
  Autostart,
  CallWindow,
  DesktopApps,
  ExternalOpener,
  GlobalShortcut,
  NotificationRequest,
  Notifier,
  TrayView,
} from '../../main/app/ports'
import type {
  Attention,
  DndProbe,
  DndReading,
  PlaybackReport,
  RingRequest,
  Ringtone,
} from '../../main/alerting/ports'
import type { AudioOutput } from '../../common/ipc-contract'
import type { TrayMenuItem } from '../../main/app/tray-menu'
import type { TrayPresentation } from '../../main/app/tray-state'

export const T0 = Date.UTC(2026, 3, 30, 13, 30, 0)

export const FUNKE: CallPeer = {
  id: 'aEGCdnFoBFCFNdiyX',
  displayName: 'Funke Olasupo',
  username: 'funke.olasupo',
  sipExtension: null,
  kind: 'user',
}

export function call(overrides: Partial<Call> = {}): Call {
  return {
    id: 'call-1',
    direction: 'incoming',
    state: 'ringing',
    peer: FUNKE,
    features: ['audio'],
    since: T0,
    ...overrides,
  }
}

export const SESSION: ActiveSession = {
  server: { base: 'https://chat.example.com', host: 'chat.example.com' },
  credentials: { userId: 'iaZWAXecuCuBx4FnX', authToken: 'secret-token-never-leaves-main' },
  user: { id: 'iaZWAXecuCuBx4FnX', username: 'agent1', displayName: 'Agent One' },
  method: 'token',
  storage: 'encrypted',
}

export function signedInState(overrides: Partial<AppState> = {}): AppState {
  return {
    session: { signedIn: true, serverUrl: SESSION.server.base, user: SESSION.user },
    status: { state: 'online' },
    calls: [],
    recent: [],
    pause: null,
    capabilities: { decline: true },
    settings: {
      values: {
        notifyOutgoingCalls: DEFAULT_SETTINGS.notifyOutgoingCalls,
        ringtone: DEFAULT_SETTINGS.ringtone,
        startAtLogin: DEFAULT_SETTINGS.startAtLogin,
        pollFloorSeconds: DEFAULT_SETTINGS.pollFloorSeconds,
        ringOn: DEFAULT_SETTINGS.ringOn,
        alsoRingOn: DEFAULT_SETTINGS.alsoRingOn,
        callWaitingTone: DEFAULT_SETTINGS.callWaitingTone,
        escalation: DEFAULT_SETTINGS.escalation,
        breakThroughDnd: DEFAULT_SETTINGS.breakThroughDnd,
        globalShortcut: DEFAULT_SETTINGS.globalShortcut,
        language: DEFAULT_SETTINGS.language,
      },
      locked: [],
      signInStorage: 'encrypted',
    },
    ...overrides,
  }
}

/** A clock whose timers run when the test advances it. */
export class ManualClock implements Clock {
  private timers: { at: number; callback: () => void; id: number }[] = []
  private nextId = 1
  constructor(public time = T0) {}
  now(): number {
    return this.time
  }
  /** Tests move time forward only, so one reading serves both. */
  monotonic(): number {
    return this.time
  }
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++
    this.timers.push({ at: this.time + ms, callback, id })
    return id
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle)
  }
  advance(ms: number): void {
    const end = this.time + ms
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers = this.timers.filter((timer) => timer !== due)
      this.time = due.at
      due.callback()
    }
    this.time = end
  }
  get pending(): number {
    return this.timers.length
  }
}

export const DEFAULT_TEST_SETTINGS: Settings = DEFAULT_SETTINGS

export class FakeSettings implements SettingsStore {
  private listeners = new Set<(settings: Settings) => void>()
  lockedKeys = new Set<SettingKey>()
  constructor(public value: Settings = DEFAULT_TEST_SETTINGS) {}
  get(): Settings {
    return this.value
  }
  locked(): ReadonlySet<SettingKey> {
    return this.lockedKeys
  }
  update(patch: Partial<Settings>): { ok: true; value: Settings } | { ok: false; error: string } {
    const lockedKey = (Object.keys(patch) as SettingKey[]).find((key) => this.lockedKeys.has(key))
    if (lockedKey) return { ok: false, error: `${lockedKey} is locked` }
    this.value = { ...this.value, ...patch }
    for (const listener of this.listeners) listener(this.value)
    return { ok: true, value: this.value }
  }
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export class FakeSessions implements SessionManager {
  stored: ActiveSession | null = null
  signInAnswer: { result: SignInResult; session: ActiveSession | null } = {
    result: { ok: true },
    session: SESSION,
  }
  signedOut: ActiveSession[] = []
  forgotten = 0
  reason: string | null = null
  signInInputs: SignInInput[] = []
  async restore() {
    return this.stored
  }
  async signIn(input: SignInInput) {
    this.signInInputs.push(input)
    return this.signInAnswer
  }
  async signOut(session: ActiveSession) {
    this.signedOut.push(session)
  }
  async forgetRejected() {
    this.forgotten += 1
  }
  lastServerUrl() {
    return 'https://chat.example.com'
  }
  signedOutReason() {
    return this.reason
  }
}

export class FakeEngine implements EngineHandle {
  listeners = new Set<(event: EngineEvent) => void>()
  log: string[] = []
  declineAnswer: Result<void, string> = ok(undefined)
  on(listener: (event: EngineEvent) => void) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  emit(event: EngineEvent) {
    for (const listener of this.listeners) listener(event)
  }
  start() {
    this.log.push('start')
  }
  stop() {
    this.log.push('stop')
  }
  pause() {
    this.log.push('pause')
  }
  resume() {
    this.log.push('resume')
  }
  refresh() {
    this.log.push('refresh')
  }
  setFloorInterval(ms: number) {
    this.log.push(`floor ${ms}`)
  }
  async decline(callId: string) {
    this.log.push(`decline ${callId}`)
    return this.declineAnswer
  }
}

export const failedDecline = (message: string): Result<void, string> => err(message)

export class RecordingTray implements TrayView {
  shown: TrayPresentation[] = []
  menus: TrayMenuItem[][] = []
  destroyed = false
  show(presentation: TrayPresentation) {
    this.shown.push(presentation)
  }
  setMenu(items: TrayMenuItem[]) {
    this.menus.push(items)
  }
  destroy() {
    this.destroyed = true
  }
  get last(): TrayPresentation | undefined {
    return this.shown.at(-1)
  }
}

export class RecordingNotifier implements Notifier {
  shown: NotificationRequest[] = []
  closed: string[] = []
  open = new Map<string, NotificationRequest>()
  show(request: NotificationRequest) {
    this.shown.push(request)
    this.open.set(request.key, request)
  }
  close(key: string) {
    this.closed.push(key)
    this.open.delete(key)
  }
  closeAll() {
    for (const key of [...this.open.keys()]) this.close(key)
  }
}

/** Logs `start 0.8` for the ringtone, `waiting 0.3` for the call-waiting tone. */
export class RecordingRingtone implements Ringtone {
  log: string[] = []
  requests: RingRequest[] = []
  outputs: AudioOutput[] = [{ deviceId: 'default', label: 'Default' }]
  report: PlaybackReport | null = { chosenPresent: true, fellBack: false, sinks: [''] }
  played: { request: RingRequest; durationMs: number }[] = []
  start(request: RingRequest) {
    this.requests.push(request)
    this.log.push(`${request.tone === 'ring' ? 'start' : 'waiting'} ${request.volume}`)
  }
  stop() {
    this.log.push('stop')
  }
  async listOutputs() {
    return this.outputs
  }
  async playFor(request: RingRequest, durationMs: number) {
    this.played.push({ request, durationMs })
    return this.report
  }
  get ringing(): boolean {
    return this.log.length > 0 && this.log.at(-1) !== 'stop'
  }
}

export class RecordingAttention implements Attention {
  log: string[] = []
  flash() {
    this.log.push('flash')
  }
  showOnTop() {
    this.log.push('show on top')
  }
  calm() {
    this.log.push('calm')
  }
}

export class FakeDnd implements DndProbe {
  reading: DndReading = { doNotDisturb: false, notificationsBlocked: false }
  reads = 0
  async read() {
    this.reads += 1
    return this.reading
  }
}

export class RecordingWindow implements CallWindow {
  sent: AppState[] = []
  shows = 0
  shownCalls: string[] = []
  showCall(callId: string) {
    this.shownCalls.push(callId)
  }
  toggles = 0
  show() {
    this.shows += 1
  }
  toggle() {
    this.toggles += 1
  }
  send(state: AppState) {
    this.sent.push(state)
  }
}

export class FakeAutostart implements Autostart {
  enabled = false
  async isEnabled() {
    return this.enabled
  }
  async setEnabled(enabled: boolean) {
    this.enabled = enabled
  }
}

export class RecordingOpener implements ExternalOpener {
  opened: string[] = []
  async open(url: string) {
    this.opened.push(url)
  }
}

export class RecordingLogger implements Logger {
  lines: string[] = []
  info(message: string) {
    this.lines.push(`info ${message}`)
  }
  warn(message: string) {
    this.lines.push(`warn ${message}`)
  }
  error(message: string) {
    this.lines.push(`error ${message}`)
  }
}

export class RecordingShortcut implements GlobalShortcut {
  registered: string | null = null
  press: (() => void) | null = null
  taken = new Set<string>()
  register(accelerator: string, onPress: () => void) {
    if (this.taken.has(accelerator)) return false
    this.registered = accelerator
    this.press = onPress
    return true
  }
  unregister() {
    this.registered = null
    this.press = null
  }
}

export class FakeDesktopApps implements DesktopApps {
  rocketChat = false
  hasRocketChat() {
    return this.rocketChat
  }
}

/** The alerting ports of CallTrayAppOptions, for tests that do not look at them. */
export function alertingPorts() {
  return {
    attention: new RecordingAttention(),
    dnd: new FakeDnd(),
    shortcut: new RecordingShortcut(),
    desktopApps: new FakeDesktopApps(),
    notificationSettingsUrl: null,
  }
}
