// What the window is told: built field by field from the session, the engine and the
// settings, so nothing secret (the token lives in ActiveSession.credentials) can ride
// along by accident.
import type { Call, ConnectionStatus, RecentCall } from '../../common/calls'
import type { AppState, PauseState } from '../../common/ipc-contract'
import type { ActiveSession } from '../session/session-types'
import type { Settings } from '../settings/settings-types'

export interface AppStateInput {
  session: ActiveSession | null
  lastServerUrl: string | null
  status: ConnectionStatus
  calls: Call[]
  recent: RecentCall[]
  pause: Settings['pause']
  now: number
}

export function buildAppState(input: AppStateInput): AppState {
  const { session } = input
  const pause = activePause(input.pause, input.now)
  if (!session) {
    return {
      session: { signedIn: false, serverUrl: input.lastServerUrl },
      status: input.status,
      calls: [],
      recent: [],
      pause,
      capabilities: { decline: false },
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
  }
}

/** A pause whose time has come is no pause. */
export function activePause(pause: Settings['pause'], now: number): PauseState | null {
  if (!pause) return null
  if (pause.until !== null && pause.until <= now) return null
  return { until: pause.until }
}
