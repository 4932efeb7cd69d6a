import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindowConstructorOptions } from 'electron'
import { RecordingLogger } from '../app/app-fakes'

const electron = vi.hoisted(() => {
  const windows: FakeWindow[] = []
  class FakeWindow {
    loaded: string[] = []
    destroyed = false
    constructor(readonly options: BrowserWindowConstructorOptions) {
      windows.push(this)
    }
    loadURL(url: string) {
      this.loaded.push(url)
      return Promise.resolve()
    }
    isDestroyed() {
      return this.destroyed
    }
    destroy() {
      this.destroyed = true
    }
  }
  return { windows, FakeWindow }
})

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow }))

const { createElectronRingtone } = await import('./ringtone')

beforeEach(() => {
  electron.windows.length = 0
})

describe('createElectronRingtone', () => {
  it('plays in one hidden, sandboxed page without preload, and closes it to stop', () => {
    const ringtone = createElectronRingtone({
      pageUrl: 'file:///app/out/renderer/sound.html',
      logger: new RecordingLogger(),
    })
    ringtone.start(0.8)
    ringtone.start(0.8)
    expect(electron.windows).toHaveLength(1)
    const [player] = electron.windows
    expect(player?.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        autoplayPolicy: 'no-user-gesture-required',
      },
    })
    expect(player?.options.webPreferences?.preload).toBeUndefined()
    expect(player?.loaded).toEqual(['file:///app/out/renderer/sound.html#volume=0.80'])
    ringtone.stop()
    expect(player?.destroyed).toBe(true)
    ringtone.start(0.5)
    expect(electron.windows).toHaveLength(2)
  })
})
