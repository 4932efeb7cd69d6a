// AppState builders for the tests. Every time is relative to NOW, the instant
// the page clock is paused at, so timers and countdowns read the same on any machine.
import type { Call, CallPeer, RecentCall } from '../../common/calls'
import type { AppState, SettingsState } from '../../common/ipc-contract'

/** Friday 14 March 2025, 14:00:00 UTC (the suite runs in the UTC time zone). */
export const NOW = Date.UTC(2025, 2, 14, 14, 0, 0)
export const SERVER = 'https://chat.example.com'
export const seconds = (s: number): number => s * 1000

export const me = { id: 'u-me', username: 'grace', displayName: 'Grace Hopper' }

export function peer(displayName: string, extra: Partial<CallPeer> = {}): CallPeer {
  return {
    id: `peer-${displayName}`,
    displayName,
    username: displayName.toLowerCase().split(' ')[0] ?? null,
    sipExtension: null,
    kind: 'user',
    ...extra,
  }
}

export function sipPeer(extension: string, displayName = extension): CallPeer {
  return { id: extension, displayName, username: null, sipExtension: extension, kind: 'sip' }
}

export function call(id: string, fields: Partial<Call> = {}): Call {
  return {
    id,
    direction: 'incoming',
    state: 'ringing',
    peer: peer('Ada Lovelace'),
    features: ['audio'],
    since: NOW - seconds(12) - 300,
    ...fields,
  }
}

export function recentCall(id: string, fields: Partial<RecentCall> = {}): RecentCall {
  return {
    id,
    direction: 'incoming',
    peer: peer('Alan Turing'),
    outcome: 'missed',
    endedAt: NOW - seconds(120),
    ...fields,
  }
}

export function signedIn(fields: Partial<AppState> = {}): AppState {
  return {
    session: { signedIn: true, serverUrl: SERVER, user: me },
    status: { state: 'online' },
    calls: [],
    recent: [],
    pause: null,
    capabilities: { decline: true },
    settings: settingsState(),
    ...fields,
  }
}

/** The built-in defaults, nothing locked, the sign-in in the keyring. */
export function settingsState(fields: Partial<SettingsState> = {}): SettingsState {
  return {
    values: {
      notifyOutgoingCalls: false,
      ringtone: { enabled: true, volume: 0.8 },
      startAtLogin: false,
      pollFloorSeconds: 3,
      ringOn: null,
      alsoRingOn: null,
      callWaitingTone: true,
      escalation: { afterSeconds: 10, flashTaskbar: true, showWindow: true, fullVolume: true },
      breakThroughDnd: true,
      globalShortcut: { enabled: false, accelerator: 'CommandOrControl+Alt+Shift+K' },
      language: 'system',
    },
    locked: [],
    signInStorage: 'encrypted',
    ...fields,
  }
}

export function signedOut(serverUrl: string | null = null): AppState {
  return {
    ...signedIn(),
    session: { signedIn: false, serverUrl },
    status: { state: 'connecting' },
  }
}

/** The busy-but-ordinary window: three calls in different states, two recent ones. */
export function busyState(fields: Partial<AppState> = {}): AppState {
  return signedIn({
    calls: [
      call('c-ring', { features: ['audio', 'screen-share', 'transfer', 'hold'] }),
      call('c-out', {
        direction: 'outgoing',
        peer: sipPeer('2042', 'Front desk'),
        since: NOW - seconds(5),
      }),
      call('c-active', {
        state: 'active',
        peer: peer('Katherine Johnson'),
        features: ['audio', 'hold'],
        since: NOW - seconds(4 * 60 + 12) - 300,
      }),
    ],
    recent: [
      recentCall('r1', { endedAt: NOW - seconds(120) }),
      recentCall('r2', {
        direction: 'outgoing',
        peer: peer('Margaret Hamilton'),
        outcome: 'ended',
        endedAt: NOW - seconds(25 * 60),
      }),
    ],
    ...fields,
  })
}
