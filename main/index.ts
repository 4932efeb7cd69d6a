// The Electron main process: builds the adapters and wires them to the app layer
// (main/app). No logic lives here.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import tls from 'node:tls'
import { app, globalShortcut, ipcMain, powerMonitor, protocol, session, shell } from 'electron'
import electronUpdater from 'electron-updater'
import { setLocale } from '../common/i18n'
import { matchLocale } from '../common/i18n/locales'
import { APP_ID } from './app/app-id'
import { CallTrayApp } from './app/call-tray-app'
import { engineFactory } from './app/engine-factory'
import { NOTIFICATION_SETTINGS_URLS } from './app/external-url'
import { notificationSupport } from './notifications/notification-support'
import { awayMarkFile } from './settings/away-mark-file'
import { createOr, silentNotifier, silentRingtone } from './app/fallbacks'
import { logUncaughtErrors } from './app/crash-guard'
import { debugSwitchIn } from './app/debug-switches'
import { createAutostart } from './autostart/autostart'
import { autostartCommand } from './autostart/autostart-command'
import { systemClock } from './core/clock'
import { registerIpcHandlers } from './ipc/ipc-handlers'
import { createFileLogger } from './logging/file-logger'
import { desktopSocketRouter } from './net/realtime-route'
import { createDndProbe, readTextOrNull, runCommand } from './dnd/dnd-probe'
import { createElectronNotifier } from './notifications/notifier'
import { createElectronRingtone } from './notifications/ringtone'
import { policySources, systemPolicyPorts } from './policy/policy-sources'
import { resolvePolicy } from './policy/resolve-policy'
import { updatePolicy } from './policy/update-policy'
import { watchPowerEvents } from './power/power-events'
import { createSessionServices } from './session'
import { adminPolicyFrom } from './settings/admin-policy'
import { createDesktopApps } from './system/desktop-apps'
import { createGlobalShortcut } from './system/global-shortcut'
import { createElectronTray, type ElectronTrayView } from './tray/tray-adapter'
import { trayIconFile } from './tray/tray-icons'
import { createElectronUpdater } from './updates/electron-updater-adapter'
import { UpdateController } from './updates/update-controller'
import { createElectronCallWindow } from './window/call-window'
import { appProtocolHandler } from './window/app-protocol-handler'
import { APP_SCHEME, APP_SCHEME_REGISTRATION } from './window/app-scheme'
import { rendererPages } from './window/renderer-pages'
import { hardenSession, hardenWebContents } from './window/web-security'

// The log file lives in the platform's logs folder (see README); set before anything can log.
app.setAppLogsPath()
const logger = createFileLogger({ directory: app.getPath('logs') })
logUncaughtErrors(process, logger)

// Windows ties toasts to this id; it must equal electron-builder's appId.
app.setAppUserModelId(APP_ID)
// Only possible before ready: our pages' origin (window/app-scheme.ts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION])

const debugSwitch = app.isPackaged ? debugSwitchIn(process.argv, process.platform) : null
if (debugSwitch) {
  logger.error(`Call Tray does not run with --${debugSwitch} (a debugging port); quitting.`)
  app.exit(1)
} else if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger))
  app.on('child-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      logger.warn(`A helper process stopped: ${details.type} (${details.reason})`)
  })
  // A tray app: closing the window must not end it.
  app.on('window-all-closed', () => {})
  app
    .whenReady()
    .then(startApp)
    .catch((error: unknown) => logger.error(`Call Tray did not start: ${String(error)}`))
}

async function startApp(): Promise<void> {
  app.dock?.hide()
  // The system's preferred languages until the settings are read; then CallTrayApp
  // follows the Language setting, which wins unless it is 'system'.
  setLocale(matchLocale(app.getPreferredSystemLanguages()))
  const here = import.meta.dirname
  const assetsDir = app.isPackaged
    ? path.join(process.resourcesPath, 'assets')
    : path.join(app.getAppPath(), 'assets')
  protocol.handle(APP_SCHEME, appProtocolHandler({ rendererDir: path.join(here, '../renderer') }))
  const pages = rendererPages({
    devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
  })
  hardenSession(session.defaultSession, pages, logger)
  const policy = await resolvePolicy(
    policySources(process.platform, systemPolicyPorts(process.env)),
    logger,
  )
  // The realtime stream and the sign-in's DDP question reach the server the way REST does.
  const socketRouter = desktopSocketRouter({
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
    certificates: tls,
    log: (message) => logger.info(message),
  })
  const services = createSessionServices({
    logger,
    policy: policy.ok ? adminPolicyFrom(policy.policy) : null,
    dialogParent: () => callWindow.nativeWindow(),
    socketRouter,
  })

  const noTray: ElectronTrayView = { show() {}, setMenu() {}, destroy() {}, bounds: () => null }
  const tray = createOr(
    logger,
    'The tray icon',
    () =>
      createElectronTray({
        iconFile: (state) => trayIconFile(assetsDir, process.platform, state),
        onAction: (action) => callTray.handleTrayAction(action),
        onClick: () => callWindow.toggle(),
      }),
    noTray,
  )
  const callWindow = createElectronCallWindow({
    preloadPath: path.join(here, '../preload/index.cjs'),
    pages,
    trayBounds: () => tray.bounds(),
    logger,
    bounceDock: () => app.dock?.bounce('critical'),
  })
  const notifier = createOr(
    logger,
    'Notifications',
    () =>
      createElectronNotifier({
        platform: process.platform,
        iconPath: path.join(assetsDir, 'icon.png'),
        logger,
        onClick: () => callTray.notificationClicked(),
        onDecline: (callId) => void callTray.declineFromNotification(callId),
      }),
    silentNotifier,
  )
  const ringtone = createOr(
    logger,
    'The ringtone',
    () =>
      createElectronRingtone({
        pageUrl: pages.url('sound'),
        preloadPath: path.join(here, '../preload/sound.cjs'),
        ipcMain,
        logger,
      }),
    silentRingtone,
  )
  const autostart = createAutostart({
    platform: process.platform,
    app,
    configHome: process.env['XDG_CONFIG_HOME'] || path.join(app.getPath('home'), '.config'),
    command: autostartCommand({
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      appPath: app.getAppPath(),
      env: process.env,
    }),
  })

  const updates = new UpdateController({
    // An unreadable policy names no feed: no update checks.
    policy: updatePolicy(policy.ok ? policy.policy : null),
    // electron-updater's autoUpdater is built on first use: only once a feed is known.
    createUpdater: () => createElectronUpdater(electronUpdater.autoUpdater, logger),
    hasLiveCalls: (): boolean => callTray.hasLiveCalls(),
    clock: systemClock,
    random: Math.random,
    logger,
  })

  const callTray = new CallTrayApp({
    sessions: services.sessions,
    settings: services.settings,
    startEngine: engineFactory({
      createClient: services.createClient,
      contractId: randomUUID(),
      clock: systemClock,
      logger,
      socketRouter,
      awayMarks: awayMarkFile(app.getPath('userData'), (message) => logger.warn(message)),
      desk: {
        notificationsPaused: (): boolean => callTray.notificationsPaused(),
        doNotDisturb: (): boolean => callTray.doNotDisturb(),
      },
    }),
    tray,
    notifier,
    ringtone,
    attention: callWindow,
    dnd: createDndProbe({
      platform: process.platform,
      run: runCommand,
      readText: readTextOrNull,
      home: app.getPath('home'),
      appId: APP_ID,
    }),
    shortcut: createGlobalShortcut(globalShortcut),
    desktopApps: createDesktopApps(app),
    notificationSettingsUrl: NOTIFICATION_SETTINGS_URLS[process.platform] ?? null,
    window: callWindow,
    autostart,
    opener: { open: (url) => shell.openExternal(url) },
    updates,
    clock: systemClock,
    logger,
    quit: () => app.quit(),
    policyUnreadable: !policy.ok,
    notificationsAllowed: notificationSupport,
    systemLanguages: () => app.getPreferredSystemLanguages(),
  })

  registerIpcHandlers({
    ipcMain,
    handlers: {
      'state:get': () => callTray.getState(),
      'auth:sign-in': (input) => callTray.signIn(input),
      'auth:sign-out': () => callTray.signOut(),
      'call:decline': (callId) => callTray.declineCall(callId),
      'app:open-rocket-chat': () => callTray.openRocketChat(),
      'call:open-rocket-chat': (callId) => callTray.openRocketChat(callId),
      'ringer:list-outputs': () => callTray.listAudioOutputs(),
      'app:open-notification-settings': () => callTray.openNotificationSettings(),
      'notifications:pause': (minutes) => callTray.pauseNotifications(minutes),
      'notifications:resume': () => callTray.resumeNotifications(),
      'settings:update': (patch) => callTray.changeSettings(patch),
      'self-test:run': () => callTray.runSelfTest(),
    },
    windowContents: () => callWindow.webContents(),
    isOurPage: (url) => pages.pageOf(url) === 'window',
    logger,
  })
  watchPowerEvents(powerMonitor, {
    suspend: () => callTray.suspend(),
    resume: () => callTray.wake(),
  })
  app.on('second-instance', () => callWindow.show())
  app.on('before-quit', () => {
    callWindow.allowClose()
    updates.stop()
    callTray.shutdown()
  })
  await callTray.start()
  updates.start()
}
