// The app's identity in one place. Windows ties notifications, the taskbar and the
// Start-menu shortcut to the AppUserModelID, and electron-builder's `appId` writes that
// shortcut: the two must be equal or toasts silently stop showing in packaged builds.
// test/app/app-id.test.ts compares this constant with electron-builder.yml.

export const APP_ID = 'com.calltray.app'
export const APP_NAME = 'Call Tray'
