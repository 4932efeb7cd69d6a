// What each tray menu item does, in terms of the app's own operations.
import type { TrayAction } from './tray-menu'

export interface TrayActionTarget {
  showWindow(): void
  pauseNotifications(minutes: number | null): void
  resumeNotifications(): void
  openRocketChat(): Promise<void>
  signOut(): Promise<void>
  setStartAtLogin(enabled: boolean): void
  restartToUpdate(): void
  /** Shows the window with the self-test's results as they come. */
  testRing(): void
  quit(): void
}

export function runTrayAction(target: TrayActionTarget, action: TrayAction): void {
  switch (action.type) {
    case 'show-calls':
      return target.showWindow()
    case 'pause':
      return target.pauseNotifications(action.minutes)
    case 'resume':
      return target.resumeNotifications()
    case 'open-rocket-chat':
      return void target.openRocketChat()
    case 'sign-out':
      return void target.signOut()
    case 'start-at-login':
      return target.setStartAtLogin(action.enabled)
    case 'restart-to-update':
      return target.restartToUpdate()
    case 'test-ring':
      return target.testRing()
    case 'quit':
      return target.quit()
  }
}
