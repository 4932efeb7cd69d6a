// The one global shortcut, through Electron's globalShortcut (only after app ready).
import type { GlobalShortcut as ElectronGlobalShortcut } from 'electron'
import type { GlobalShortcut } from '../app/ports'

export function createGlobalShortcut(
  electron: Pick<ElectronGlobalShortcut, 'register' | 'unregister'>,
): GlobalShortcut {
  let registered: string | null = null
  return {
    register(accelerator, onPress) {
      if (registered !== null) electron.unregister(registered)
      registered = electron.register(accelerator, onPress) ? accelerator : null
      return registered !== null
    },
    unregister() {
      if (registered !== null) electron.unregister(registered)
      registered = null
    },
  }
}
