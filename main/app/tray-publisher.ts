// Shows the app state in the tray: the icon and tooltip on every change, the menu
// when it differs, and a once-a-second refresh while the tooltip shows a running time.
import type { AppState } from '../../common/ipc-contract'
import type { Clock, TimerHandle } from '../core/clock'
import { guarded, type Logger } from './logger'
import type { TrayView } from './ports'
import { trayMenu, type TrayMenuOptions } from './tray-menu'
import { trayNeedsTicking, trayPresentation } from './tray-state'

export interface TrayPublisherOptions {
  tray: TrayView
  clock: Clock
  logger: Logger
  /** The state as of now, for the ticks between changes. */
  currentState(): AppState
  menuOptions(): TrayMenuOptions
}

const TICK_MS = 1000

export class TrayPublisher {
  private lastMenu = ''
  private tickTimer: TimerHandle | null = null

  constructor(private readonly options: TrayPublisherOptions) {}

  update(state: AppState): void {
    const { tray, logger, clock } = this.options
    guarded(logger, 'Updating the tray icon', () => tray.show(trayPresentation(state, clock.now())))
    const menu = guarded(logger, 'Building the tray menu', () =>
      trayMenu(state, this.options.menuOptions()),
    )
    const serialized = JSON.stringify(menu)
    if (menu && serialized !== this.lastMenu) {
      this.lastMenu = serialized
      guarded(logger, 'Updating the tray menu', () => tray.setMenu(menu))
    }
    this.scheduleTick(state)
  }

  dispose(): void {
    if (this.tickTimer !== null) this.options.clock.clearTimeout(this.tickTimer)
    this.tickTimer = null
    guarded(this.options.logger, 'Removing the tray icon', () => this.options.tray.destroy())
  }

  private scheduleTick(state: AppState): void {
    if (this.tickTimer !== null || !trayNeedsTicking(state)) return
    this.tickTimer = this.options.clock.setTimeout(() => {
      this.tickTimer = null
      this.update(this.options.currentState())
    }, TICK_MS)
  }
}
