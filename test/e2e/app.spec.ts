// The packaged shape of the app, end to end: real Electron, real preload and window,
// against the local Rocket.Chat simulator.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import type { AppState, CallTrayApi } from '../../common/ipc-contract'
import { AGENT1, FUNKE, createSimulator, type Simulator } from '../simulator'
import { findElectronBinary } from './electron-binary'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const binary = findElectronBinary()

test.skip(!binary.ok, binary.ok ? '' : binary.reason)

/** What the page's globals look like from here (this file is type-checked without the DOM library). */
type PageGlobals = {
  callTray: CallTrayApi
  open(url: string): unknown
  location: { href: string }
  require?: unknown
  process?: unknown
}

let app: ElectronApplication
let page: Page
let simulator: Simulator
let userData: string

test.beforeAll(async () => {
  if (!binary.ok) return
  simulator = await createSimulator({ rateLimit: false })
  userData = await mkdtemp(path.join(tmpdir(), 'call-tray-e2e-'))
  app = await electron.launch({
    executablePath: binary.path,
    args: [ROOT, `--user-data-dir=${userData}`],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  })
  page = await app.firstWindow()
})

test.afterAll(async () => {
  await app?.close()
  await simulator?.close()
  if (userData) await rm(userData, { recursive: true, force: true })
})

const state = () => page.evaluate(() => (globalThis as unknown as PageGlobals).callTray.getState())

test('the window is sandboxed and only has window.callTray', async () => {
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as unknown as PageGlobals).require,
    process: typeof (globalThis as unknown as PageGlobals).process,
    api: Object.keys((globalThis as unknown as PageGlobals).callTray).sort(),
  }))
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    api: [
      'declineCall',
      'getState',
      'onState',
      'openRocketChat',
      'pauseNotifications',
      'resumeNotifications',
      'signIn',
      'signOut',
    ],
  })
  expect(page.url()).toBe('call-tray://app/index.html')
})

test('the window can neither open windows nor navigate away', async () => {
  expect(
    await page.evaluate(
      () => (globalThis as unknown as PageGlobals).open('https://example.com') === null,
    ),
  ).toBe(true)
  await page.evaluate(() => {
    ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
  })
  await page.waitForTimeout(200)
  expect(page.url()).toMatch(/^call-tray:\/\/app\//)
})

test('signs in and shows a ringing call, without the token ever reaching the page', async () => {
  const token = AGENT1.tokens[0] ?? ''
  // Without a desktop keyring the session layer asks whether to keep the sign-in; a
  // test machine has nobody to answer, so it answers "this session only".
  await app.evaluate(({ dialog }) => {
    dialog.showMessageBox = (async () => ({
      response: 0,
      checkboxChecked: false,
    })) as typeof dialog.showMessageBox
  })
  const result = await page.evaluate(
    (input) => (globalThis as unknown as PageGlobals).callTray.signIn(input),
    { method: 'token' as const, serverUrl: simulator.url, userId: AGENT1.id, authToken: token },
  )
  expect(result).toEqual({ ok: true })
  await expect.poll(async () => (await state()).status.state).toBe('online')
  simulator.placeCall({ from: { type: 'user', id: FUNKE.id }, to: { type: 'user', id: AGENT1.id } })
  await expect.poll(async () => (await state()).calls[0]?.peer.displayName).toBe('Funke Olasupo')
  await expect(page.getByText('Funke Olasupo').first()).toBeVisible()
  const seen: AppState = await state()
  expect(JSON.stringify(seen)).not.toContain(token)
})

test('closing the window hides it; the app stays in the tray', async () => {
  await page.close({ runBeforeUnload: true }).catch(() => undefined)
  const windows = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((window) => ({
      visible: window.isVisible(),
      destroyed: window.isDestroyed(),
    })),
  )
  expect(windows.some((window) => !window.destroyed)).toBe(true)
})
