// The Electron tray icon behind the app's TrayView port. The context menu is always
// set: some Linux desktops never deliver a click, and the menu is then the only way in.
import {
  Menu,
  Tray,
  nativeImage,
  type MenuItemConstructorOptions,
  type NativeImage,
  type Rectangle,
} from 'electron'
import type { TrayView } from '../app/ports'
import type { TrayAction, TrayMenuItem } from '../app/tray-menu'
import type { TrayIconState, TrayPresentation } from '../app/tray-state'

export interface ElectronTrayOptions {
  iconFile(state: TrayIconState): string
  onAction(action: TrayAction): void
  /** A click on the icon, where the platform delivers one. */
  onClick(): void
}

export interface ElectronTrayView extends TrayView {
  /** Where the icon is on screen; null where the platform does not say (Linux). */
  bounds(): Rectangle | null
}

export function createElectronTray(options: ElectronTrayOptions): ElectronTrayView {
  const images = new Map<TrayIconState, NativeImage>()
  const image = (state: TrayIconState): NativeImage => {
    let cached = images.get(state)
    if (!cached) {
      cached = nativeImage.createFromPath(options.iconFile(state))
      images.set(state, cached)
    }
    return cached
  }
  const tray = new Tray(image('signed-out'))
  let shown: TrayPresentation | null = null
  tray.on('click', () => options.onClick())

  return {
    show(presentation) {
      if (tray.isDestroyed()) return
      if (shown?.icon !== presentation.icon) tray.setImage(image(presentation.icon))
      if (shown?.tooltip !== presentation.tooltip) tray.setToolTip(presentation.tooltip)
      shown = presentation
    },
    setMenu(items) {
      if (tray.isDestroyed()) return
      tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(items, options.onAction)))
    },
    bounds() {
      if (tray.isDestroyed()) return null
      const bounds = tray.getBounds()
      return bounds.width > 0 && bounds.height > 0 ? bounds : null
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy()
    },
  }
}

export function toMenuTemplate(
  items: TrayMenuItem[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'submenu':
        return {
          label: item.label,
          enabled: item.enabled,
          submenu: toMenuTemplate(item.items, onAction),
        }
      case 'checkbox':
        return {
          type: 'checkbox',
          label: item.label,
          checked: item.checked,
          enabled: item.enabled,
          click: () => onAction(item.action),
        }
      case 'action':
        return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) }
    }
  })
}
