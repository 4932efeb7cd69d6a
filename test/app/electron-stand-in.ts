// A recording stand-in for the `electron` module, so the built main bundle can run in
// plain Node. It implements only what the app uses; each member is typed with
// Electron's own definitions (Pick<Electron.X, …>), so a signature that drifts from
// the real API fails type-checking here. Everything the app does is recorded.
import { EventEmitter } from 'node:events'
import path from 'node:path'
import type * as Electron from 'electron'

type Listener = (...args: never[]) => unknown

export class StandInWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = []
  openHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null
  mainFrameUrl = ''
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, payload: args[0] })
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.openHandler = handler
  }
}

export class StandInBrowserWindow extends EventEmitter {
  static readonly all: StandInBrowserWindow[] = []
  readonly webContents = new StandInWebContents()
  readonly loaded: string[] = []
  visible = false
  destroyed = false
  position: [number, number] = [0, 0]
  /** flashFrame calls, showInactive calls and setAlwaysOnTop values, in order. */
  readonly attention: string[] = []
  focused = false

  constructor(readonly options: Electron.BrowserWindowConstructorOptions = {}) {
    super()
    StandInBrowserWindow.all.push(this)
    standIn.app.emit('web-contents-created', {}, this.webContents)
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url)
    this.webContents.mainFrameUrl = url
    return Promise.resolve()
  }
  removeMenu(): void {}
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
  isVisible(): boolean {
    return this.visible
  }
  show(): void {
    this.visible = true
  }
  hide(): void {
    this.visible = false
  }
  focus(): void {
    this.focused = true
  }
  showInactive(): void {
    this.visible = true
    this.attention.push('showInactive')
  }
  flashFrame(flag: boolean): void {
    this.attention.push(`flashFrame ${flag}`)
  }
  setAlwaysOnTop(flag: boolean): void {
    this.attention.push(`setAlwaysOnTop ${flag}`)
  }
  setPosition(x: number, y: number): void {
    this.position = [x, y]
  }
}

export class StandInNotification extends EventEmitter {
  static readonly all: StandInNotification[] = []
  static isSupported(): boolean {
    return true
  }
  static handleActivation(_callback: (details: Electron.ActivationArguments) => void): void {}
  shown = 0
  closed = 0
  constructor(readonly options: Electron.NotificationConstructorOptions = {}) {
    super()
    StandInNotification.all.push(this)
  }
  show(): void {
    this.shown += 1
  }
  close(): void {
    this.closed += 1
  }
}

export class StandInTray extends EventEmitter {
  static readonly all: StandInTray[] = []
  readonly images: string[] = []
  readonly tooltips: string[] = []
  menu: Electron.MenuItemConstructorOptions[] = []
  destroyed = false
  constructor(image: Electron.NativeImage | string) {
    super()
    this.images.push(imagePath(image))
    StandInTray.all.push(this)
  }
  setImage(image: Electron.NativeImage | string): void {
    this.images.push(imagePath(image))
  }
  setToolTip(toolTip: string): void {
    this.tooltips.push(toolTip)
  }
  setContextMenu(menu: Electron.Menu | null): void {
    this.menu =
      (menu as unknown as { template: Electron.MenuItemConstructorOptions[] } | null)?.template ??
      []
  }
  getBounds(): Electron.Rectangle {
    return { x: 0, y: 0, width: 0, height: 0 }
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.destroyed = true
  }
}

/** nativeImage keeps the file it came from, so tests can see which icon is shown. */
function imagePath(image: Electron.NativeImage | string): string {
  return typeof image === 'string' ? image : ((image as unknown as { path?: string }).path ?? '')
}

class StandInIpcMain extends EventEmitter {
  readonly handlers = new Map<
    string,
    (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown
  >()
  handle(
    channel: string,
    listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown,
  ): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }
}

class StandInApp extends EventEmitter {
  readonly log: string[] = []
  userData = ''
  appPath = ''
  isPackaged = false
  private loginItem = false
  whenReady(): Promise<void> {
    this.log.push('whenReady')
    return Promise.resolve()
  }
  isReady(): boolean {
    return true
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name === 'userData') return this.userData
    if (name === 'exe') return path.join(this.userData, 'call-tray')
    return path.join(this.userData, name)
  }
  getAppPath(): string {
    return this.appPath
  }
  setAppLogsPath(): void {
    this.log.push('setAppLogsPath')
  }
  getVersion(): string {
    return '0.1.0'
  }
  getName(): string {
    return 'Call Tray'
  }
  /** No Rocket.Chat Desktop on the test machine. */
  getApplicationNameForProtocol(_url: string): string {
    return ''
  }
  setAppUserModelId(id: string): void {
    this.log.push(`setAppUserModelId ${id}`)
  }
  requestSingleInstanceLock(): boolean {
    return true
  }
  /** The system's languages, as a test sets them (the Language setting 'system' follows them). */
  systemLanguages: string[] = ['en-US']
  getPreferredSystemLanguages(): string[] {
    return this.systemLanguages
  }
  quit(): void {
    this.log.push('quit')
    this.emit('before-quit', { preventDefault() {} })
  }
  getLoginItemSettings(): Electron.LoginItemSettings {
    return { openAtLogin: this.loginItem } as Electron.LoginItemSettings
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = settings.openAtLogin ?? false
  }
}

class StandInProtocol {
  readonly privileged: Electron.CustomScheme[] = []
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    standIn.app.log.push(`registerSchemesAsPrivileged ${customSchemes.map((s) => s.scheme)}`)
    this.privileged.push(...customSchemes)
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler)
  }
}

class StandInSession {
  readonly webRequest = {
    headerHandlers: [] as Listener[],
    onHeadersReceived(listener: Listener): void {
      this.headerHandlers.push(listener)
    },
  }
  permissionRequestHandler: Listener | null = null
  permissionCheckHandler: Listener | null = null
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(_handler: Listener | null): void {}
  readonly proxyQueries: string[] = []
  /** Chromium's answer on a machine without a proxy. */
  resolveProxy(url: string): Promise<string> {
    this.proxyQueries.push(url)
    return Promise.resolve('DIRECT')
  }
}

const PREFIX = 'stand-in-encrypted:'

/**
 * The members the app uses, each typed by Electron's definitions. A member that
 * is missing here fails the bundle's import (ES modules link by name).
 */
export interface ElectronStandIn {
  app: StandInApp &
    Pick<
      Electron.App,
      | 'getPath'
      | 'getAppPath'
      | 'setAppLogsPath'
      | 'getVersion'
      | 'setAppUserModelId'
      | 'requestSingleInstanceLock'
      | 'quit'
      | 'whenReady'
      | 'getLoginItemSettings'
      | 'setLoginItemSettings'
      | 'getApplicationNameForProtocol'
      | 'getPreferredSystemLanguages'
    >
  BrowserWindow: typeof StandInBrowserWindow
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate'>
  Notification: typeof StandInNotification
  Tray: typeof StandInTray
  nativeImage: Pick<typeof Electron.nativeImage, 'createFromPath'>
  ipcMain: StandInIpcMain & Pick<Electron.IpcMain, 'handle' | 'removeHandler'>
  // Node's EventEmitter: 'suspend' and 'resume' are emitted by the test.
  powerMonitor: EventEmitter
  globalShortcut: Pick<Electron.GlobalShortcut, 'register' | 'unregister'> & {
    registered: Set<string>
  }
  screen: Pick<Electron.Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>
  protocol: StandInProtocol & Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>
  session: { defaultSession: StandInSession }
  shell: Pick<Electron.Shell, 'openExternal'> & { opened: string[] }
  dialog: Pick<Electron.Dialog, 'showMessageBox'>
  net: Pick<Electron.Net, 'fetch'>
  safeStorage: Pick<
    Electron.SafeStorage,
    'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
  >
}

const opened: string[] = []

export const standIn: ElectronStandIn = {
  app: new StandInApp(),
  BrowserWindow: StandInBrowserWindow,
  Menu: {
    buildFromTemplate: (template) => ({ template }) as unknown as Electron.Menu,
  },
  Notification: StandInNotification,
  Tray: StandInTray,
  nativeImage: {
    createFromPath: (file) => ({ path: file }) as unknown as Electron.NativeImage,
  },
  ipcMain: new StandInIpcMain(),
  powerMonitor: new EventEmitter(),
  globalShortcut: {
    registered: new Set<string>(),
    register(accelerator) {
      this.registered.add(accelerator)
      return true
    },
    unregister(accelerator) {
      this.registered.delete(accelerator)
    },
  },
  screen: {
    getCursorScreenPoint: () => ({ x: 0, y: 0 }),
    getDisplayNearestPoint: () =>
      ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }) as Electron.Display,
  },
  protocol: new StandInProtocol(),
  session: { defaultSession: new StandInSession() },
  shell: {
    opened,
    openExternal: async (url) => {
      opened.push(url)
    },
  },
  dialog: {
    showMessageBox: async () => ({ response: 0, checkboxChecked: false }),
  },
  // Electron's net.fetch has the same shape as Node's fetch.
  net: { fetch: (input, init) => fetch(input, init) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text) => Buffer.from(PREFIX + text, 'utf8'),
    decryptString: (data) => data.toString('utf8').slice(PREFIX.length),
  },
}
