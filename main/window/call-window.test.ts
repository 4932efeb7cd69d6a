import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron'
import { ManualClock, RecordingLogger, signedInState } from '../../test/support/app-fakes'
import { rendererPages } from './renderer-pages'

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const windows: FakeWindow[] = []
  class FakeContents extends EventEmitter {
    sent: [string, unknown][] = []
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload])
    }
  }
  class FakeWindow extends EventEmitter {
    webContents = new FakeContents()
    loaded: string[] = []
    visible = false
    position: [number, number] = [0, 0]
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super()
      windows.push(this)
    }
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
    removeMenu() {}
    isDestroyed() {
      return false
    }
    isVisible() {
      return this.visible
    }
    show() {
      this.visible = true
    }
    hide() {
      this.visible = false
    }
    focus() {}
    setPosition(x: number, y: number) {
      this.position = [x, y]
    }
  }
  const screen = {
    getCursorScreenPoint: () => ({ x: 10, y: 10 }),
    getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  }
  return { windows, module: { BrowserWindow: FakeWindow, screen } }
})

vi.mock('electron', () => electron.module)

const { createElectronCallWindow, WINDOW_SIZE } = await import('./call-window')

beforeEach(() => {
  electron.windows.length = 0
})

function setup(trayBounds: Rectangle | null = null) {
  const pages = rendererPages({ devServerUrl: undefined })
  const logger = new RecordingLogger()
  const clock = new ManualClock()
  const view = createElectronCallWindow({
    preloadPath: '/app/out/preload/index.cjs',
    pages,
    trayBounds: () => trayBounds,
    logger,
    clock,
  })
  const window = electron.windows[0]
  if (!window) throw new Error('no window')
  return { view, window, logger, clock }
}

describe('createElectronCallWindow', () => {
  it('is a small sandboxed window with our preload, loading our page hidden', () => {
    const { window } = setup()
    expect(window.options).toMatchObject({
      ...WINDOW_SIZE,
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    })
    expect(window.loaded).toEqual(['call-tray://app/index.html'])
  })

  it('hides instead of closing, until the app quits', () => {
    const { view, window } = setup()
    window.visible = true
    let prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(window.visible).toBe(false)
    view.allowClose()
    prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(false)
  })

  it('shows beside the tray, or centred when the tray has no bounds', () => {
    const beside = setup({ x: 1880, y: 1045, width: 24, height: 30 })
    beside.view.show()
    expect(beside.window.position).toEqual([1560, 560])
    electron.windows.length = 0
    const centred = setup(null)
    centred.view.show()
    expect(centred.window.position).toEqual([780, 280])
  })

  it('toggles between shown and hidden', () => {
    const { view, window } = setup()
    view.toggle()
    expect(window.visible).toBe(true)
    view.toggle()
    expect(window.visible).toBe(false)
  })

  it('pushes the state on the contract channel', () => {
    const { view, window } = setup()
    const state = signedInState()
    view.send(state)
    expect(window.webContents.sent).toEqual([['state:changed', state]])
  })

  it('reloads its page when the renderer dies, pausing while it keeps dying', () => {
    const { window, logger, clock } = setup()
    const page = 'call-tray://app/index.html'
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    clock.advance(0)
    expect(window.loaded).toEqual([page, page])

    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 })
    clock.advance(999)
    expect(window.loaded).toHaveLength(2)
    clock.advance(1)
    expect(window.loaded).toEqual([page, page, page])
    expect(logger.lines).toEqual([
      "error The call window's page stopped (crashed); reloading it in 0 s.",
      "error The call window's page stopped (oom); reloading it in 1 s.",
    ])
  })
})
