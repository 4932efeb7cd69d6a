// The tray's context menu as data. It is always set, because some Linux desktops
// deliver no click to a tray icon and the menu is then the only way in.
import type { AppState } from '../../common/ipc-contract'
import { t } from '../../common/i18n'

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

type PauseLabel = 'pause.for15Minutes' | 'pause.for1Hour' | 'pause.untilResumed'

export const PAUSE_CHOICES: readonly { label: PauseLabel; minutes: number | null }[] = [
  { label: 'pause.for15Minutes', minutes: 15 },
  { label: 'pause.for1Hour', minutes: 60 },
  { label: 'pause.untilResumed', minutes: null },
]

export function trayMenu(state: AppState, options: TrayMenuOptions): TrayMenuItem[] {
  const signedIn = state.session.signedIn
  const paused = state.pause !== null
  const pauseItems: TrayMenuItem[] = [
    ...PAUSE_CHOICES.map((choice): TrayMenuItem => ({
      kind: 'action',
      label: t(choice.label),
      action: { type: 'pause', minutes: choice.minutes },
      enabled: !options.pauseLocked,
    })),
    { kind: 'separator' },
    {
      kind: 'action',
      label: t('tray.resume'),
      action: { type: 'resume' },
      enabled: paused && !options.pauseLocked,
    },
  ]
  return [
    {
      kind: 'action',
      label: signedIn ? t('tray.showCalls') : t('tray.signIn'),
      action: { type: 'show-calls' },
      enabled: true,
    },
    {
      kind: 'submenu',
      label: paused ? t('tray.paused') : t('tray.pause'),
      items: pauseItems,
      enabled: true,
    },
    {
      kind: 'action',
      label: t('tray.openRocketChat'),
      action: { type: 'open-rocket-chat' },
      enabled: signedIn,
    },
    { kind: 'separator' },
    { kind: 'action', label: t('tray.signOut'), action: { type: 'sign-out' }, enabled: signedIn },
    {
      kind: 'checkbox',
      label: t('tray.startAtLogin'),
      checked: options.startAtLogin,
      action: { type: 'start-at-login', enabled: !options.startAtLogin },
      enabled: !options.startAtLoginLocked,
    },
    { kind: 'action', label: t('tray.testRing'), action: { type: 'test-ring' }, enabled: true },
    { kind: 'separator' },
    ...updateItems(options.update ?? 'none'),
    { kind: 'action', label: t('tray.quit'), action: { type: 'quit' }, enabled: true },
  ]
}

function updateItems(update: UpdateReadiness): TrayMenuItem[] {
  if (update === 'none') return []
  const ready = update === 'ready'
  return [
    {
      kind: 'action',
      label: ready ? t('tray.restartToUpdate') : t('tray.restartAfterCall'),
      action: { type: 'restart-to-update' },
      enabled: ready,
    },
  ]
}
