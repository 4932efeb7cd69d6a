import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { TrayAction } from '../app/tray-menu'
import { trayIconFile } from './tray-icons'

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const trays: FakeTray[] = []
  class FakeTray extends EventEmitter {
    images: string[] = []
    tooltips: string[] = []
    menus: MenuItemConstructorOptions[][] = []
    destroyed = false
    bounds = { x: 0, y: 0, width: 0, height: 0 }
    constructor(image: { path: string }) {
      super()
      this.images.push(image.path)
      trays.push(this)
    }
    setImage(image: { path: string }) {
      this.images.push(image.path)
    }
    setToolTip(text: string) {
      this.tooltips.push(text)
    }
    setContextMenu(menu: { template: MenuItemConstructorOptions[] }) {
      this.menus.push(menu.template)
    }
    getBounds() {
      return this.bounds
    }
    isDestroyed() {
      return this.destroyed
    }
    destroy() {
      this.destroyed = true
    }
  }
  return {
    trays,
    module: {
      Tray: FakeTray,
      Menu: { buildFromTemplate: (template: MenuItemConstructorOptions[]) => ({ template }) },
      nativeImage: { createFromPath: (path: string) => ({ path }) },
    },
  }
})

vi.mock('electron', () => electron.module)

const { createElectronTray, toMenuTemplate } = await import('./tray-adapter')

beforeEach(() => {
  electron.trays.length = 0
})

function setup() {
  const actions: TrayAction[] = []
  let clicks = 0
  const view = createElectronTray({
    iconFile: (state) => trayIconFile('/assets', 'linux', state),
    onAction: (action) => actions.push(action),
    onClick: () => (clicks += 1),
  })
  const tray = electron.trays[0]
  if (!tray) throw new Error('no tray')
  return { view, tray, actions, clicks: () => clicks }
}

describe('createElectronTray', () => {
  it('starts signed out and changes image and tooltip only when they change', () => {
    const { view, tray } = setup()
    view.show({ icon: 'ringing', tooltip: 'Incoming call from Funke Olasupo' })
    view.show({ icon: 'ringing', tooltip: 'Incoming call from Funke Olasupo' })
    view.show({ icon: 'ringing', tooltip: 'Incoming call from Funke Olasupo (+1 more)' })
    expect(tray.images).toEqual([
      '/assets/tray/linux/signed-out.png',
      '/assets/tray/linux/ringing.png',
    ])
    expect(tray.tooltips).toEqual([
      'Incoming call from Funke Olasupo',
      'Incoming call from Funke Olasupo (+1 more)',
    ])
  })

  it('turns a click into the app action and a menu item into its action', () => {
    const { view, tray, actions, clicks } = setup()
    tray.emit('click')
    expect(clicks()).toBe(1)
    view.setMenu([
      { kind: 'action', label: 'Quit Call Tray', action: { type: 'quit' }, enabled: true },
    ])
    tray.menus[0]?.[0]?.click?.({} as never, undefined, {} as never)
    expect(actions).toEqual([{ type: 'quit' }])
  })

  it('reports no bounds where the platform gives none', () => {
    const { view, tray } = setup()
    expect(view.bounds()).toBeNull()
    tray.bounds = { x: 1800, y: 0, width: 24, height: 24 }
    expect(view.bounds()).toEqual({ x: 1800, y: 0, width: 24, height: 24 })
  })

  it('ignores updates after being destroyed', () => {
    const { view, tray } = setup()
    view.destroy()
    view.show({ icon: 'idle', tooltip: 'x' })
    expect(tray.tooltips).toEqual([])
  })
})

describe('toMenuTemplate', () => {
  it('maps checkboxes, submenus and separators', () => {
    const template = toMenuTemplate(
      [
        {
          kind: 'submenu',
          label: 'Pause notifications',
          enabled: true,
          items: [{ kind: 'separator' }],
        },
        {
          kind: 'checkbox',
          label: 'Start at login',
          checked: true,
          enabled: false,
          action: { type: 'start-at-login', enabled: false },
        },
      ],
      () => {},
    )
    expect(template).toMatchObject([
      { label: 'Pause notifications', enabled: true, submenu: [{ type: 'separator' }] },
      { type: 'checkbox', label: 'Start at login', checked: true, enabled: false },
    ])
  })
})

describe('trayIconFile', () => {
  it('uses template images on macOS, .ico on Windows, PNG on Linux', () => {
    expect(trayIconFile('/a', 'darwin', 'idle')).toBe('/a/tray/mac/idleTemplate.png')
    expect(trayIconFile('/a', 'win32', 'idle')).toMatch(/tray.win.idle\.ico$/)
    expect(trayIconFile('/a', 'linux', 'in-call')).toBe('/a/tray/linux/in-call.png')
  })
})
