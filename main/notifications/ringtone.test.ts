import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindowConstructorOptions } from 'electron'
import { ManualClock, RecordingLogger } from '../../test/support/app-fakes'

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const windows: FakeWindow[] = []
  class FakeWindow {
    webContents = new EventEmitter()
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
      pageUrl: 'call-tray://app/sound.html',
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
    expect(player?.loaded).toEqual(['call-tray://app/sound.html#volume=0.80'])
    ringtone.stop()
    expect(player?.destroyed).toBe(true)
    ringtone.start(0.5)
    expect(electron.windows).toHaveLength(2)
  })

  it('starts a new sound page when the one playing crashes, until stopped', () => {
    const clock = new ManualClock()
    const logger = new RecordingLogger()
    const ringtone = createElectronRingtone({
      pageUrl: 'call-tray://app/sound.html',
      logger,
      clock,
    })
    ringtone.start(0.6)
    const [first] = electron.windows
    first?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    clock.advance(0)

    expect(first?.destroyed).toBe(true)
    expect(electron.windows).toHaveLength(2)
    expect(electron.windows[1]?.loaded).toEqual(['call-tray://app/sound.html#volume=0.60'])
    expect(logger.lines).toEqual([
      'error The ringtone page stopped (crashed); restarting it in 0 s.',
    ])

    electron.windows[1]?.webContents.emit('render-process-gone', {}, { reason: 'crashed' })
    ringtone.stop()
    clock.advance(60_000)
    expect(electron.windows).toHaveLength(2)
  })
})
