// The tray's context menu as data. It is always set, because some Linux desktops
// deliver no click to a tray icon and the menu is then the only way in.
import type { AppState } from '../../common/ipc-contract'

export type TrayAction =
  | { type: 'show-calls' }
  | { type: 'pause'; minutes: number | null }
  | { type: 'resume' }
  | { type: 'open-rocket-chat' }
  | { type: 'sign-out' }
  | { type: 'start-at-login'; enabled: boolean }
  | { type: 'restart-to-update' }
  | { type: 'test-ring' }
  | { type: 'quit' }

export type TrayMenuItem =
  | { kind: 'action'; label: string; action: TrayAction; enabled: boolean }
  | { kind: 'checkbox'; label: string; checked: boolean; action: TrayAction; enabled: boolean }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[]; enabled: boolean }
  | { kind: 'separator' }

/** 'ready': an update is downloaded; 'after-call': the agent chose to restart during a call. */
export type UpdateReadiness = 'none' | 'ready' | 'after-call'

export interface TrayMenuOptions {
  startAtLogin: boolean
  /** Settings the administrator locked: their items are shown but disabled. */
  startAtLoginLocked: boolean
  pauseLocked: boolean
  update?: UpdateReadiness
}

export const PAUSE_CHOICES: readonly { label: string; minutes: number | null }[] = [
  { label: 'For 15 minutes', minutes: 15 },
  { label: 'For 1 hour', minutes: 60 },
  { label: 'Until I resume', minutes: null },
]

export function trayMenu(state: AppState, options: TrayMenuOptions): TrayMenuItem[] {
  const signedIn = state.session.signedIn
  const paused = state.pause !== null
  const pauseItems: TrayMenuItem[] = [
    ...PAUSE_CHOICES.map((choice): TrayMenuItem => ({
      kind: 'action',
      label: choice.label,
      action: { type: 'pause', minutes: choice.minutes },
      enabled: !options.pauseLocked,
    })),
    { kind: 'separator' },
    {
      kind: 'action',
      label: 'Resume notifications',
      action: { type: 'resume' },
      enabled: paused && !options.pauseLocked,
    },
  ]
  return [
    {
      kind: 'action',
      label: signedIn ? 'Show calls' : 'Sign in…',
      action: { type: 'show-calls' },
      enabled: true,
    },
    {
      kind: 'submenu',
      label: paused ? 'Notifications paused' : 'Pause notifications',
      items: pauseItems,
      enabled: true,
    },
    {
      kind: 'action',
      label: 'Open Rocket.Chat',
      action: { type: 'open-rocket-chat' },
      enabled: signedIn,
    },
    { kind: 'separator' },
    { kind: 'action', label: 'Sign out', action: { type: 'sign-out' }, enabled: signedIn },
    {
      kind: 'checkbox',
      label: 'Start at login',
      checked: options.startAtLogin,
      action: { type: 'start-at-login', enabled: !options.startAtLogin },
      enabled: !options.startAtLoginLocked,
    },
    { kind: 'action', label: 'Test ring', action: { type: 'test-ring' }, enabled: true },
    { kind: 'separator' },
    ...updateItems(options.update ?? 'none'),
    { kind: 'action', label: 'Quit Call Tray', action: { type: 'quit' }, enabled: true },
  ]
}

function updateItems(update: UpdateReadiness): TrayMenuItem[] {
  if (update === 'none') return []
  const ready = update === 'ready'
  return [
    {
      kind: 'action',
      label: ready ? 'Restart to update' : 'Restarts to update when the call ends',
      action: { type: 'restart-to-update' },
      enabled: ready,
    },
  ]
}
