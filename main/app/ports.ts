// The small interfaces the app layer owns. Electron implements them under main/tray,
// main/notifications, main/window, main/power and main/autostart; tests implement
// them with plain objects that record what happened.
import type { AppState } from '../../common/ipc-contract'
import type { TrayMenuItem, UpdateReadiness } from './tray-menu'
import type { TrayPresentation } from './tray-state'

export interface TrayView {
  show(presentation: TrayPresentation): void
  setMenu(items: TrayMenuItem[]): void
  destroy(): void
}

export type NotificationKind = 'incoming-call' | 'missed-call' | 'outgoing-call'

export interface NotificationRequest {
  /** One notification per key: a later `show` with the same key replaces it. */
  key: string
  kind: NotificationKind
  callId: string
  title: string
  body: string
  /** Offer a Decline action where the platform has notification actions. */
  decline: boolean
}

export interface Notifier {
  show(request: NotificationRequest): void
  close(key: string): void
  closeAll(): void
}

export interface CallWindow {
  show(): void
  /** Shows the window with this ringing call focused (the global shortcut). */
  showCall(callId: string): void
  toggle(): void
  /** Pushes the state to the window's page, if it has one loaded. */
  send(state: AppState): void
}

/** One system-wide keyboard shortcut (Electron's globalShortcut). */
export interface GlobalShortcut {
  /** False when the system or another app holds the accelerator. */
  register(accelerator: string, onPress: () => void): boolean
  unregister(): void
}

/** What else is installed that Call Tray can hand over to. */
export interface DesktopApps {
  /** Rocket.Chat Desktop handles rocketchat:// links. */
  hasRocketChat(): boolean
}

export interface Autostart {
  isEnabled(): Promise<boolean>
  setEnabled(enabled: boolean): Promise<void>
}

export interface ExternalOpener {
  open(url: string): Promise<void>
}

/** A downloaded update the agent can restart for (main/updates). */
export interface UpdatePrompt {
  readiness(): UpdateReadiness
  restartToUpdate(): void
  onChange(listener: () => void): () => void
}
