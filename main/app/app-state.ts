// What the window is told: built field by field from the session, the engine and the
// settings, so nothing secret (the token lives in ActiveSession.credentials) can ride
// along by accident.
import type { Call, ConnectionStatus, RecentCall } from '../../common/calls'
import type { AppState, PauseState, SettingsState } from '../../common/ipc-contract'
import type { SelfTestState } from '../../common/self-test'
import type { ActiveSession } from '../session/session-types'
import type { SettingKey, Settings } from '../settings/settings-types'
import { currentLocale } from '../../common/i18n'

export interface AppStateInput {
  session: ActiveSession | null
  lastServerUrl: string | null
  status: ConnectionStatus
  calls: Call[]
  recent: RecentCall[]
  settings: Settings
  locked: ReadonlySet<SettingKey>
  now: number
  policyUnreadable?: boolean
  notificationsBlocked?: boolean
  selfTest?: SelfTestState
}

export function buildAppState(input: AppStateInput): AppState {
  const { session } = input
  const pause = activePause(input.settings.pause, input.now)
  const settings = settingsState(input)
  if (!session) {
    return {
      session: { signedIn: false, serverUrl: input.lastServerUrl },
      status: input.status,
      calls: [],
      recent: [],
      pause,
      capabilities: { decline: false },
      settings,
      ...(input.policyUnreadable && { policyUnreadable: true as const }),
      ...(input.selfTest && { selfTest: input.selfTest }),
      locale: currentLocale(),
    }
  }
  return {
    session: {
      signedIn: true,
      serverUrl: session.server.base,
      user: {
        id: session.user.id,
        username: session.user.username,
        displayName: session.user.displayName,
      },
    },
    status: input.status,
    calls: input.calls,
    recent: input.recent,
    pause,
    capabilities: { decline: input.status.state === 'online' },
    settings,
    ...(input.notificationsBlocked && { notificationsBlocked: true as const }),
    ...(input.selfTest && { selfTest: input.selfTest }),
  }
}

function settingsState({ settings, locked, session }: AppStateInput): SettingsState {
  return {
    values: {
      notifyOutgoingCalls: settings.notifyOutgoingCalls,
      ringtone: { enabled: settings.ringtone.enabled, volume: settings.ringtone.volume },
      startAtLogin: settings.startAtLogin,
      pollFloorSeconds: settings.pollFloorSeconds,
      ringOn: settings.ringOn,
      alsoRingOn: settings.alsoRingOn,
      callWaitingTone: settings.callWaitingTone,
      escalation: settings.escalation,
      breakThroughDnd: settings.breakThroughDnd,
      globalShortcut: settings.globalShortcut,
      language: settings.language,
    },
    locked: [...locked].sort(),
    signInStorage: session?.storage ?? null,
  }
}

/** A pause whose time has come is no pause. */
export function activePause(pause: Settings['pause'], now: number): PauseState | null {
  if (!pause) return null
  if (pause.until !== null && pause.until <= now) return null
  return { until: pause.until }
}
