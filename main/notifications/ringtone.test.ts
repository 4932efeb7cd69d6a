import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindowConstructorOptions } from 'electron'
import { ManualClock, RecordingLogger } from '../../test/support/app-fakes'
import type { RingRequest } from '../alerting/ports'

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
  return { windows, FakeWindow, ipcMain: new EventEmitter() }
})

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow }))

const { createElectronRingtone, REPORT_TIMEOUT_MS } = await import('./ringtone')

const PAGE = 'call-tray://app/sound.html'
const HEADSET = { deviceId: 'headset-1', label: 'Jabra Evolve2 65' }
const ring = (volume: number, overrides: Partial<RingRequest> = {}): RingRequest => ({
  tone: 'ring',
  volume,
  ringOn: null,
  alsoRingOn: null,
  ...overrides,
})

function create(clock = new ManualClock(), logger = new RecordingLogger()) {
  return createElectronRingtone({
    pageUrl: PAGE,
    preloadPath: '/app/out/preload/sound.cjs',
    ipcMain: electron.ipcMain as never,
    logger,
    clock,
  })
}

/** What the sound page's preload sends, from that page (or another sender). */
function report(channel: string, payload: unknown, sender: unknown) {
  electron.ipcMain.emit(channel, { sender }, payload)
}

beforeEach(() => {
  electron.windows.length = 0
  electron.ipcMain.removeAllListeners()
})

describe('createElectronRingtone', () => {
  it('plays in one hidden, sandboxed page with the sound preload, and closes it to stop', () => {
    const ringtone = create()
    ringtone.start(ring(0.8))
    ringtone.start(ring(0.8))
    expect(electron.windows).toHaveLength(1)
    const [player] = electron.windows
    expect(player?.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        preload: '/app/out/preload/sound.cjs',
        autoplayPolicy: 'no-user-gesture-required',
      },
    })
    expect(player?.loaded).toEqual([`${PAGE}#mode=ring&tone=ring&volume=0.80`])
    ringtone.stop()
    expect(player?.destroyed).toBe(true)
  })

  it('restarts with a new request: the tone, the volume or the outputs', () => {
    const ringtone = create()
    ringtone.start(ring(0.8))
    ringtone.start(ring(0.3, { tone: 'call-waiting', ringOn: HEADSET }))
    expect(electron.windows).toHaveLength(2)
    expect(electron.windows[0]?.destroyed).toBe(true)
    const url = new URL(electron.windows[1]?.loaded[0] ?? '')
    const params = new URLSearchParams(url.hash.slice(1))
    expect(params.get('tone')).toBe('call-waiting')
    expect(JSON.parse(params.get('ringOn') ?? 'null')).toEqual(HEADSET)
  })

  it('lists the outputs the page reports, from that page only, and closes it', async () => {
    const ringtone = create()
    const listing = ringtone.listOutputs()
    const [page] = electron.windows
    expect(page?.loaded[0]).toBe(`${PAGE}#mode=list`)
    report('sound:outputs', [{ deviceId: 'x', label: 'Forged' }], {})
    report('sound:outputs', [HEADSET], page?.webContents)
    expect(await listing).toEqual([HEADSET])
    expect(page?.destroyed).toBe(true)
  })

  it('gives up on a page that reports nothing or nonsense', async () => {
    const clock = new ManualClock()
    const logger = new RecordingLogger()
    const ringtone = create(clock, logger)
    const silent = ringtone.listOutputs()
    clock.advance(REPORT_TIMEOUT_MS)
    expect(await silent).toEqual([])
    const garbled = ringtone.listOutputs()
    report('sound:outputs', 'not a list', electron.windows[1]?.webContents)
    expect(await garbled).toEqual([])
    expect(logger.lines).toEqual([
      'warn The ringtone page sent an unreadable sound:outputs report.',
    ])
  })

  it('plays a test ring for its duration and returns where it played', async () => {
    const clock = new ManualClock()
    const ringtone = create(clock)
    const test = ringtone.playFor(ring(0.8, { ringOn: HEADSET }), 2_000)
    const [page] = electron.windows
    report(
      'sound:playing',
      { chosenPresent: true, fellBack: false, sinks: ['headset-1'] },
      page?.webContents,
    )
    await Promise.resolve()
    await Promise.resolve()
    expect(page?.destroyed).toBe(false)
    clock.advance(2_000)
    expect(await test).toEqual({ chosenPresent: true, fellBack: false, sinks: ['headset-1'] })
    expect(page?.destroyed).toBe(true)
  })

  it('starts a new sound page when the one playing crashes, until stopped', () => {
    const clock = new ManualClock()
    const logger = new RecordingLogger()
    const ringtone = create(clock, logger)
    ringtone.start(ring(0.6))
    const [first] = electron.windows
    first?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    clock.advance(0)

    expect(first?.destroyed).toBe(true)
    expect(electron.windows).toHaveLength(2)
    expect(electron.windows[1]?.loaded).toEqual([`${PAGE}#mode=ring&tone=ring&volume=0.60`])
    expect(logger.lines).toEqual([
      'error The ringtone page stopped (crashed); restarting it in 0 s.',
    ])

    electron.windows[1]?.webContents.emit('render-process-gone', {}, { reason: 'crashed' })
    ringtone.stop()
    clock.advance(60_000)
    expect(electron.windows).toHaveLength(2)
  })
})
