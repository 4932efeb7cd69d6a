// Our pages are served from an app scheme of their own, not file:. With file:, a CSP's
// 'self' matches every local file, and Electron's file-protocol privileges fuse lets
// file: pages reach further than a browser page could; that fuse is off in packaged
// builds (electron-builder.yml). call-tray://app/ is one origin that holds only the
// renderer build (app-protocol-handler.ts).
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'call-tray'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * For protocol.registerSchemesAsPrivileged, before the app is ready. Standard: an
 * origin of its own and relative URLs resolved like http's. Secure: a secure context,
 * as a page on localhost is. CORS-enabled: Chromium fetches module scripts in CORS mode
 * and refuses that for schemes without it (no other origin gets to read: the handler
 * sends no Access-Control-Allow-Origin). Never bypassCSP, so the pages' policy holds
 * for everything they load.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    corsEnabled: true,
    bypassCSP: false,
    supportFetchAPI: false,
    allowServiceWorkers: false,
  },
}
