// The one description of every IPC channel between main, preload and renderer.
// Main registers handlers under these names with these types, the preload builds
// its named functions from them, and the renderer imports only the types.
// Payloads that come from the renderer are parsed with these schemas in main.
import { z } from 'zod'
import type { Call, ConnectionStatus, RecentCall } from './calls'
import { LANGUAGE_CHOICES, type LanguageSetting, type LocaleCode } from './i18n/locales'
import type { SelfTestState } from './self-test'

export type Session =
  | { signedIn: false; serverUrl: string | null }
  | {
      signedIn: true
      serverUrl: string
      user: { id: string; username: string; displayName: string }
    }

export interface PauseState {
  /** Epoch ms when notifications resume; null means "until resumed". */
  until: number | null
}

export interface AppState {
  session: Session
  status: ConnectionStatus
  /** In-flight calls, ringing incoming calls first. */
  calls: Call[]
  /** This session's missed and ended calls, newest first. */
  recent: RecentCall[]
  /** Set while notifications are paused. */
  pause: PauseState | null
  capabilities: { decline: boolean }
  settings: SettingsState
  /** Set when the administrator's policy is there but unusable: no sign-in until it is fixed. */
  policyUnreadable?: true
  /** Set when the OS blocks Call Tray's notifications entirely (where that is detectable). */
  notificationsBlocked?: true
  /** The last "Test ring", once one ran this session. */
  selfTest?: SelfTestState
  /** The language main chose (system preference or the Language setting); English if absent. */
  locale?: LocaleCode
}

/** Where the signed-in session's secret is kept; null while signed out. */
export type SignInStorage = 'encrypted' | 'weakly-protected' | 'session-only'

/** The settings the window can change (main/settings/settings-types.ts has all of them). */
export interface SettingsValues {
  notifyOutgoingCalls: boolean
  /** `volume` is 0…1. */
  ringtone: { enabled: boolean; volume: number }
  startAtLogin: boolean
  pollFloorSeconds: number
  /** null: the system default output. */
  ringOn: AudioOutputChoice | null
  alsoRingOn: AudioOutputChoice | null
  callWaitingTone: boolean
  escalation: {
    afterSeconds: number
    flashTaskbar: boolean
    showWindow: boolean
    fullVolume: boolean
  }
  breakThroughDnd: boolean
  globalShortcut: { enabled: boolean; accelerator: string }
  language: LanguageSetting
}

/** An audio output by id, and by label so a device whose id changed is still found. */
export interface AudioOutputChoice {
  deviceId: string
  label: string
}

/** An audio output the ringtone page found (`enumerateDevices`, kind "audiooutput"). */
export type AudioOutput = AudioOutputChoice

export const audioOutputSchema = z.strictObject({
  deviceId: z.string().max(512),
  label: z.string().max(256),
})

/** What the ringtone page reports to main (sound preload → ipcMain.on). */
export interface SoundReportChannels {
  /** The outputs it can play on, in the order the system lists them. */
  'sound:outputs': AudioOutput[]
  /** Where it plays: `fellBack` when the chosen output is missing and the default plays. */
  'sound:playing': { chosenPresent: boolean; fellBack: boolean; sinks: string[] }
}

export const soundReportSchemas = {
  'sound:outputs': z.array(audioOutputSchema).max(64),
  'sound:playing': z.strictObject({
    chosenPresent: z.boolean(),
    fellBack: z.boolean(),
    sinks: z.array(z.string().max(512)).max(4),
  }),
} satisfies { [C in keyof SoundReportChannels]: z.ZodType<SoundReportChannels[C]> }

/** What the preload of the ringtone page exposes as `window.callTraySound`. */
export interface CallTraySoundApi {
  report<C extends keyof SoundReportChannels>(channel: C, payload: SoundReportChannels[C]): void
}

/** Every setting the administrator's policy can lock, not only those the window shows. */
export type LockableSetting = keyof SettingsValues | 'serverUrl' | 'pause'

export interface SettingsState {
  values: SettingsValues
  locked: LockableSetting[]
  signInStorage: SignInStorage | null
}

const serverUrl = z.string().trim().min(1, 'Enter the server address.').max(2048)

export const signInInputSchema = z.discriminatedUnion('method', [
  z.object({
    method: z.literal('token'),
    serverUrl,
    userId: z.string().trim().min(1, 'Enter your user id.').max(256),
    authToken: z.string().trim().min(1, 'Enter your access token.').max(1024),
  }),
  z.object({
    method: z.literal('password'),
    serverUrl,
    user: z.string().trim().min(1, 'Enter your username or e-mail.').max(256),
    password: z.string().min(1, 'Enter your password.').max(1024),
    code: z.string().trim().max(64).optional(),
  }),
])
export type SignInInput = z.infer<typeof signInInputSchema>

export type SignInField = 'serverUrl' | 'userId' | 'authToken' | 'user' | 'password' | 'code'

export type SignInResult =
  | { ok: true }
  | {
      ok: false
      kind: 'two-factor-required'
      method: 'totp' | 'email' | 'password'
      message: string
    }
  | { ok: false; kind: 'error'; field: SignInField | null; message: string }

export const callIdSchema = z.string().min(1).max(128)
export const pauseMinutesSchema = z.union([
  z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  z.null(),
])

// Ranges as in main/settings/settings-schema.ts; the store checks them again.
export const settingsPatchSchema = z.strictObject({
  notifyOutgoingCalls: z.boolean().optional(),
  ringtone: z.strictObject({ enabled: z.boolean(), volume: z.number().min(0).max(1) }).optional(),
  startAtLogin: z.boolean().optional(),
  pollFloorSeconds: z.number().int().min(1).max(60).optional(),
  ringOn: audioOutputSchema.nullable().optional(),
  alsoRingOn: audioOutputSchema.nullable().optional(),
  callWaitingTone: z.boolean().optional(),
  escalation: z
    .strictObject({
      afterSeconds: z.number().int().min(3).max(120),
      flashTaskbar: z.boolean(),
      showWindow: z.boolean(),
      fullVolume: z.boolean(),
    })
    .optional(),
  breakThroughDnd: z.boolean().optional(),
  globalShortcut: z
    .strictObject({ enabled: z.boolean(), accelerator: z.string().max(64) })
    .optional(),
  language: z.enum(LANGUAGE_CHOICES).optional(),
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export type ActionResult = { ok: true } | { ok: false; message: string }

/** Request/response channels (`ipcRenderer.invoke` → `ipcMain.handle`). */
export interface InvokeChannels {
  'state:get': () => AppState
  'auth:sign-in': (input: SignInInput) => SignInResult
  'auth:sign-out': () => void
  'call:decline': (callId: string) => ActionResult
  'app:open-rocket-chat': () => void
  /** Rocket.Chat for this call: the desktop app when installed, else the browser. */
  'call:open-rocket-chat': (callId: string) => void
  'notifications:pause': (minutes: number | null) => void
  'notifications:resume': () => void
  'settings:update': (patch: SettingsPatch) => ActionResult
  /** Asks the ringtone page which outputs there are; empty when it cannot tell. */
  'ringer:list-outputs': () => AudioOutput[]
  /** Opens the OS page where Call Tray's notifications are allowed. */
  'app:open-notification-settings': () => void
  /** "Test ring": the results arrive with the state. */
  'self-test:run': () => void
}

/** Main → renderer pushes (`webContents.send` → `ipcRenderer.on`). */
export interface PushChannels {
  'state:changed': AppState
  /** The global shortcut: focus this ringing call (Enter opens Rocket.Chat for it). */
  'call:focus': string
}

/** What the preload exposes as `window.callTray`: named functions, never raw channels. */
export interface CallTrayApi {
  getState(): Promise<AppState>
  onState(listener: (state: AppState) => void): () => void
  onFocusCall(listener: (callId: string) => void): () => void
  signIn(input: SignInInput): Promise<SignInResult>
  signOut(): Promise<void>
  declineCall(callId: string): Promise<ActionResult>
  openRocketChat(): Promise<void>
  openRocketChatFor(callId: string): Promise<void>
  pauseNotifications(minutes: number | null): Promise<void>
  resumeNotifications(): Promise<void>
  updateSettings(patch: SettingsPatch): Promise<ActionResult>
  listAudioOutputs(): Promise<AudioOutput[]>
  openNotificationSettings(): Promise<void>
  runSelfTest(): Promise<void>
}
