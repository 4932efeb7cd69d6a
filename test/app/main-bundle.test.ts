// The built main process (out/main/index.js), run in Node with the recording
// Electron stand-in, against the Rocket.Chat simulator: sign in through IPC, ring,
// answer, sleep and wake, sign out. One app per file, so the steps run in order.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'electron-vite'
import type { IpcMainInvokeEvent } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppState } from '../../common/ipc-contract'
import { SETTINGS_FILE_VERSION } from '../../main/settings/settings-schema'
import { settingsFilePath } from '../../main/settings/settings-file-options'
import { AGENT1, FUNKE, createSimulator, type Simulator } from '../simulator'
import { installElectronStandIn, loadNatively } from './electron-hooks'
import {
  StandInBrowserWindow,
  StandInNotification,
  StandInTray,
  type ElectronStandIn,
} from './electron-stand-in'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TOKEN = AGENT1.tokens[0] ?? ''

let electron: ElectronStandIn
let simulator: Simulator
let userData: string
/** What the bundle registered for errors nobody caught. */
let bundleCrashGuard: NodeJS.UncaughtExceptionListener | undefined

/** Waits for a condition to hold; the timeout only bounds a failing run. */
async function eventually<T>(
  probe: () => T | null | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const callWindow = () =>
  StandInBrowserWindow.all.find((window) => window.options.webPreferences?.preload)
const tray = () => StandInTray.all[0]
const states = (): AppState[] =>
  (callWindow()?.webContents.sent ?? [])
    .filter((push) => push.channel === 'state:changed')
    .map((push) => push.payload as AppState)
const lastState = () => states().at(-1)
const polls = () =>
  simulator.requests.filter((request) => request.route === 'media-calls.state').length
const soundWindows = () =>
  StandInBrowserWindow.all.filter((window) =>
    window.loaded.some((url) => url.includes('sound.html')),
  )

function fromOurWindow(): IpcMainInvokeEvent {
  const window = callWindow()
  if (!window) throw new Error('no call window')
  return {
    sender: window.webContents,
    senderFrame: { url: window.webContents.mainFrameUrl, parent: null },
  } as unknown as IpcMainInvokeEvent
}

function invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
  const handler = electron.ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return Promise.resolve(handler(event, ...args))
}

beforeAll(async () => {
  await build({
    root: ROOT,
    configFile: path.join(ROOT, 'electron.vite.config.ts'),
    logLevel: 'warn',
  })
  userData = await mkdtemp(path.join(tmpdir(), 'call-tray-app-'))
  // The shortest poll interval the settings allow, so sleep and wake show in seconds.
  await writeFile(
    settingsFilePath(userData),
    JSON.stringify({
      version: SETTINGS_FILE_VERSION,
      settings: {
        pollFloorSeconds: 1,
        // The shortest escalation delay the settings allow, so it shows in seconds.
        escalation: { afterSeconds: 3, flashTaskbar: true, showWindow: true, fullVolume: true },
      },
    }),
  )
  simulator = await createSimulator({ rateLimit: false })
  electron = installElectronStandIn()
  electron.app.userData = userData
  electron.app.appPath = ROOT
  const before = new Set(process.listeners('uncaughtException'))
  loadNatively(path.join(ROOT, 'out/main/index.js'))
  bundleCrashGuard = process.listeners('uncaughtException').find((l) => !before.has(l))
  await eventually(() => lastState(), 'the first state pushed to the window')
}, 120_000)

afterAll(async () => {
  electron?.app.quit()
  await simulator?.close()
  if (userData) await rm(userData, { recursive: true, force: true })
})

describe('the built main process', () => {
  it('starts as Call Tray, signed out, with the sign-in window shown', () => {
    expect(electron.app.log).toContain('setAppUserModelId com.calltray.app')
    expect(lastState()?.session.signedIn).toBe(false)
    expect(callWindow()?.visible).toBe(true)
    expect(callWindow()?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    })
    expect(callWindow()?.loaded[0]).toBe('call-tray://app/index.html')
    expect(tray()?.images.at(-1)).toMatch(/tray[/\\]linux[/\\]signed-out\.png$/)
    expect(tray()?.menu.length).toBeGreaterThan(0)
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([
      'app:open-notification-settings',
      'app:open-rocket-chat',
      'auth:sign-in',
      'auth:sign-out',
      'call:decline',
      'call:open-rocket-chat',
      'notifications:pause',
      'notifications:resume',
      'ringer:list-outputs',
      'self-test:run',
      'settings:update',
      'state:get',
    ])
  })

  it('serves its pages from the app scheme, registered before ready, with the built files', async () => {
    expect(electron.app.log.indexOf('registerSchemesAsPrivileged call-tray')).toBeLessThan(
      electron.app.log.indexOf('whenReady'),
    )
    expect(electron.protocol.privileged).toEqual([
      {
        scheme: 'call-tray',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }),
      },
    ])
    const serve = electron.protocol.handlers.get('call-tray')
    if (!serve) throw new Error('no handler for call-tray:')
    const page = await serve(new Request('call-tray://app/index.html'))
    expect(await page.text()).toBe(
      await readFile(path.join(ROOT, 'out/renderer/index.html'), 'utf8'),
    )
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect((await serve(new Request('call-tray://app/..%2Fmain%2Findex.js'))).status).toBe(404)
  })

  it('refuses IPC from anything but the call window', async () => {
    const stranger = {
      sender: {},
      senderFrame: { url: 'https://evil.example.com/', parent: null },
    } as unknown as IpcMainInvokeEvent
    await expect(invoke('state:get', stranger)).rejects.toThrow('refused')
    await expect(invoke('call:decline', fromOurWindow(), { not: 'an id' })).rejects.toThrow(
      'refused',
    )
  })

  it('signs in through IPC, and the window never receives the token', async () => {
    const input = { method: 'token', serverUrl: simulator.url, userId: AGENT1.id, authToken: TOKEN }
    expect(await invoke('auth:sign-in', fromOurWindow(), input)).toEqual({ ok: true })
    const online = await eventually(
      () => states().find((state) => state.session.signedIn && state.status.state === 'online'),
      'an online state',
    )
    expect(online.session).toMatchObject({
      signedIn: true,
      user: { id: AGENT1.id, username: 'agent1' },
    })
    const everythingSent = JSON.stringify(callWindow()?.webContents.sent)
    expect(everythingSent).not.toContain(TOKEN)
    expect(JSON.stringify(await invoke('state:get', fromOurWindow()))).not.toContain(TOKEN)
    expect(tray()?.images.at(-1)).toMatch(/idle\.png$/)
  })

  it('rings: a notification naming the caller, the tray, the window and the ringtone', async () => {
    const call = simulator.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    const notification = await eventually(
      () =>
        StandInNotification.all.find(
          (item) => item.options.title === 'Incoming call from Funke Olasupo',
        ),
      'the incoming call notification',
    )
    expect(notification.shown).toBe(1)
    expect(notification.options).toMatchObject({ urgency: 'critical', timeoutType: 'never' })
    expect(tray()?.images.at(-1)).toMatch(/ringing\.png$/)
    expect(tray()?.tooltips.at(-1)).toBe('Incoming call from Funke Olasupo')
    expect(lastState()?.calls).toMatchObject([
      {
        id: call._id,
        direction: 'incoming',
        state: 'ringing',
        peer: { displayName: 'Funke Olasupo' },
      },
    ])
    expect(soundWindows().filter((window) => !window.destroyed)).toHaveLength(1)
    expect(soundWindows()[0]?.options.webPreferences?.preload).toMatch(/sound\.cjs$/)
  })

  it('escalates a call still ringing after the delay: flashed, shown on top without focus, louder', async () => {
    const window = callWindow()
    if (!window) throw new Error('no call window')
    window.focused = false
    const ringVolume = (url: string | undefined) =>
      new URLSearchParams(url?.split('#')[1]).get('volume')
    expect(ringVolume(soundWindows().at(-1)?.loaded[0])).toBe('0.80')
    await eventually(() => window.attention.includes('showInactive'), 'the escalation', 6_000)
    expect(window.attention).toEqual(['flashFrame true', 'setAlwaysOnTop true', 'showInactive'])
    expect(window.focused).toBe(false)
    await eventually(() => ringVolume(soundWindows().at(-1)?.loaded[0]) === '1.00', 'full volume')
    expect(soundWindows().filter((sound) => !sound.destroyed)).toHaveLength(1)

    const notification = StandInNotification.all.find(
      (item) => item.options.title === 'Incoming call from Funke Olasupo',
    )
    notification?.emit('click', {})
    expect(window.visible).toBe(true)
  })

  it('closes the notification and stops ringing once the call is answered', async () => {
    const [call] = simulator.listCalls()
    if (!call) throw new Error('no call')
    simulator.acceptCall(call._id)
    simulator.activateCall(call._id)
    const notification = StandInNotification.all.find(
      (item) => item.options.title === 'Incoming call from Funke Olasupo',
    )
    await eventually(() => notification && notification.closed > 0, 'the notification to close')
    expect(soundWindows().every((window) => window.destroyed)).toBe(true)
    expect(callWindow()?.attention.slice(-2)).toEqual(['flashFrame false', 'setAlwaysOnTop false'])
    await eventually(() => tray()?.images.at(-1)?.endsWith('in-call.png'), 'the in-call icon')
    // Accepted, then active: the tray follows bursts coalesced, so the last step comes last.
    await eventually(
      () => /^In call with Funke Olasupo · \d\d:\d\d$/.test(tray()?.tooltips.at(-1) ?? ''),
      'the in-call tooltip',
    )
  })

  it('uses the realtime stream, so polling slows to the reconcile pace', async () => {
    await eventually(() => lastState()?.status.state === 'online', 'online')
    await eventually(() => simulator.realtimeClientCount > 0, 'a realtime connection')
    // It took the way Chromium's proxy settings give for the socket's http(s) twin.
    expect(electron.session.defaultSession.proxyQueries).toContain(`${simulator.url}/websocket`)
    // Listen only: nothing but the DDP handshake, the resume login, the subscription and pings.
    const sent = simulator.realtimeFrames.map(({ frame }) => {
      const { msg, method } = frame as { msg?: string; method?: string }
      return method ? `${msg}:${method}` : msg
    })
    expect(new Set(sent)).toEqual(
      new Set([
        'connect',
        'method:login',
        'sub',
        ...sent.filter((m) => m === 'pong' || m === 'ping'),
      ]),
    )
  })

  it('does not escalate a call answered before the delay', async () => {
    const window = callWindow()
    if (!window) throw new Error('no call window')
    const before = window.attention.length
    const sounds = soundWindows().length
    const call = simulator.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await eventually(() => soundWindows().length > sounds, 'the second call to ring')
    simulator.acceptCall(call._id)
    simulator.activateCall(call._id)
    await eventually(() => soundWindows().every((sound) => sound.destroyed), 'the ringing to stop')
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    expect(window.attention.slice(before)).toEqual([])
    simulator.hangupCall(call._id)
  })

  it('does not poll while the computer sleeps, and polls and reconnects at once on wake', async () => {
    electron.powerMonitor.emit('suspend')
    // A poll already on its way may still land; after that, silence, even though a
    // ringing call (a realtime signal) would normally ask for a reconciling poll.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const asleep = polls()
    const upgrades = simulator.realtimeUpgrades.length
    const call = simulator.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await new Promise((resolve) => setTimeout(resolve, 3500))
    expect(polls()).toBe(asleep)
    electron.powerMonitor.emit('resume')
    await eventually(() => polls() > asleep, 'a poll after wake')
    await eventually(
      () => simulator.realtimeUpgrades.length > upgrades,
      'a fresh realtime connection',
    )
    simulator.hangupCall(call._id, { by: FUNKE.id })
  })

  it('keeps ringing through a locked screen', async () => {
    electron.powerMonitor.emit('lock-screen')
    const shown = StandInNotification.all.length
    simulator.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await eventually(
      () => StandInNotification.all.length > shown,
      'a notification while the screen is locked',
    )
  })

  it('logs an error nobody caught and keeps ringing', async () => {
    expect(bundleCrashGuard).toBeDefined()
    bundleCrashGuard?.(new Error('a bug in glue code'), 'uncaughtException')
    const shown = StandInNotification.all.length
    simulator.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await eventually(() => StandInNotification.all.length > shown, 'a notification after the error')
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8')
    expect(log).toMatch(
      / error Uncaught error \(the app keeps running\): a bug in glue code \| at /,
    )
  })

  it('signs out through IPC and stops polling', async () => {
    await invoke('auth:sign-out', fromOurWindow())
    expect(lastState()?.session.signedIn).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const after = polls()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(polls()).toBe(after)
    expect(tray()?.images.at(-1)).toMatch(/signed-out\.png$/)
  })

  it('kept a log file in the logs folder: what happened, once each, and never the token', async () => {
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8')
    const lines = log
      .trim()
      .split('\n')
      .map((line) => line.replace(/^\d{4}-\d\d-\d\dT[\d:.]+Z /, ''))
    // `answered` is the call answered before escalation.
    const [first, answered, second, third, fourth] = simulator.listCalls()
    expect(lines.filter((line) => line.startsWith('info status: '))).toEqual([
      'info status: connecting',
      'info status: online',
    ])
    // One line per notification shown or withdrawn (the missed-call report and the third
    // call race each other).
    expect(lines.filter((line) => line.startsWith('info notification')).sort()).toEqual(
      [
        `info notification: incoming-call for call ${first?._id}`,
        `info notification withdrawn for call ${first?._id}`,
        `info notification: incoming-call for call ${answered?._id}`,
        `info notification withdrawn for call ${answered?._id}`,
        `info notification: incoming-call for call ${second?._id}`,
        `info notification withdrawn for call ${second?._id}`,
        `info notification: missed-call for call ${second?._id}`,
        `info notification: incoming-call for call ${third?._id}`,
        `info notification: incoming-call for call ${fourth?._id}`,
      ].sort(),
    )
    expect(lines).toContain(`info Signed out of ${new URL(simulator.url).host}.`)
    // The stream asked the system's proxy settings for its way, as net.fetch does.
    expect(lines.filter((line) => line.startsWith('info realtime: route: '))).toEqual([
      expect.stringMatching(
        /^info realtime: route: direct, per the system proxy settings; trusting the operating system's certificates \(\d+\) and Node's own$/,
      ),
    ])
    expect(log).not.toContain(TOKEN)
  })
})
