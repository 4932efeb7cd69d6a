// Every web page of ours runs sandboxed with a strict policy, and nothing in it may
// open, navigate, embed or ask for a permission (after Element Desktop's
// webcontents-handler). The pages carry the same CSP in a meta tag; the header also
// covers the dev server and anything a meta tag cannot (frame-ancestors).
import type { Session, WebContents, WebPreferences } from 'electron'
import type { Logger } from '../app/logger'
import type { PageName, RendererPages } from './renderer-pages'

const COMMON_CSP = "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"

export const PAGE_CSP: Record<PageName, string> = {
  window:
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
    `connect-src 'none'; ${COMMON_CSP}; require-trusted-types-for 'script'; trusted-types 'none'`,
  sound: `default-src 'none'; script-src 'self'; media-src 'self'; ${COMMON_CSP}`,
}

/** The web preferences of every window we open; a preload is the only addition. */
export function secureWebPreferences(extra: Partial<WebPreferences> = {}): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    ...extra,
  }
}

/** For every WebContents the app creates (app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, logger: Logger): void {
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn(`Blocked a page from opening a window (${describeUrl(url)}).`)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    logger.warn(`Blocked a navigation (${describeUrl(url)}).`)
  })
  contents.on('will-redirect', (event, url) => {
    event.preventDefault()
    logger.warn(`Blocked a redirect (${describeUrl(url)}).`)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    logger.warn('Blocked a <webview>.')
  })
}

/**
 * What the ringtone page may do, and no other page: pick an output (setSinkId) and see
 * the outputs' names (enumerateDevices labels come with the "media" permission).
 */
export const SOUND_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['speaker-selection', 'media'])

function soundPageMay(pages: RendererPages, url: string | undefined, permission: string): boolean {
  return (
    url !== undefined && pages.pageOf(url) === 'sound' && SOUND_PAGE_PERMISSIONS.has(permission)
  )
}

/** Permissions are denied, asked or checked (but the ringtone page's); our pages add the CSP header. */
export function hardenSession(session: Session, pages: RendererPages, logger: Logger): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    if (soundPageMay(pages, details.requestingUrl ?? contents.getURL(), permission))
      return callback(true)
    logger.warn(`Denied a page's request for the "${permission}" permission.`)
    callback(false)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    soundPageMay(pages, details.requestingUrl ?? requestingOrigin, permission),
  )
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    const page = pages.pageOf(details.url)
    if (!page) return callback({})
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PAGE_CSP[page]] },
    })
  })
}

/** Only the scheme and host: a URL can carry tokens in its query. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : parsed.protocol
  } catch {
    return 'an unreadable URL'
  }
}
