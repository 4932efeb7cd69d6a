import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { Session, WebContents } from 'electron'
import { RecordingLogger } from '../../test/support/app-fakes'
import { rendererPages } from './renderer-pages'
import { hardenSession, hardenWebContents, PAGE_CSP, secureWebPreferences } from './web-security'

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

function preventable() {
  let prevented = false
  return { event: { preventDefault: () => (prevented = true) }, prevented: () => prevented }
}

describe('hardenWebContents', () => {
  const contents = new FakeContents()
  const logger = new RecordingLogger()
  hardenWebContents(contents as unknown as WebContents, logger)

  it('denies new windows', () => {
    expect(contents.openHandler?.({ url: 'https://evil.example.com/?token=x' })).toEqual({
      action: 'deny',
    })
    expect(logger.lines.at(-1)).toBe(
      'warn Blocked a page from opening a window (https://evil.example.com).',
    )
  })

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const { event, prevented } = preventable()
    contents.emit(name, event, 'https://evil.example.com/')
    expect(prevented()).toBe(true)
  })
})

describe('hardenSession', () => {
  const pages = rendererPages({ devServerUrl: undefined })
  const handlers: Record<string, (...args: never[]) => unknown> = {}
  const session = {
    setPermissionRequestHandler: (handler: never) => (handlers['request'] = handler),
    setPermissionCheckHandler: (handler: never) => (handlers['check'] = handler),
    setDevicePermissionHandler: (handler: never) => (handlers['device'] = handler),
    webRequest: { onHeadersReceived: (handler: never) => (handlers['headers'] = handler) },
  }
  hardenSession(session as unknown as Session, pages, new RecordingLogger())

  const request = (url: string, permission: string): boolean | undefined => {
    let granted: boolean | undefined
    const handler = handlers['request'] as (
      contents: unknown,
      permission: string,
      callback: (ok: boolean) => void,
      details: { requestingUrl?: string },
    ) => void
    handler({ getURL: () => url }, permission, (ok) => (granted = ok), { requestingUrl: url })
    return granted
  }
  const check = (url: string, permission: string): boolean =>
    (
      handlers['check'] as (
        c: unknown,
        p: string,
        o: string,
        d: { requestingUrl?: string },
      ) => boolean
    )({}, permission, new URL(url).origin, { requestingUrl: url })

  it('denies every permission request and check', () => {
    expect(request(pages.url('window'), 'media')).toBe(false)
    expect(check(pages.url('window'), 'media')).toBe(false)
    expect(check('https://evil.example.com/sound.html', 'speaker-selection')).toBe(false)
    expect((handlers['device'] as () => boolean)()).toBe(false)
  })

  it('lets only the ringtone page pick an output and read the outputs’ names', () => {
    const sound = `${pages.url('sound')}#mode=list`
    expect(request(sound, 'speaker-selection')).toBe(true)
    expect(check(sound, 'media')).toBe(true)
    expect(request(sound, 'geolocation')).toBe(false)
    expect(check(sound, 'notifications')).toBe(false)
  })

  it('adds the CSP header to our pages only', () => {
    const onHeaders = handlers['headers'] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: unknown) => void,
    ) => void
    const answers: unknown[] = []
    onHeaders({ url: 'call-tray://app/index.html', responseHeaders: { a: ['b'] } }, (response) =>
      answers.push(response),
    )
    onHeaders({ url: 'https://chat.example.com/api/v1/me' }, (response) => answers.push(response))
    expect(answers).toEqual([
      { responseHeaders: { a: ['b'], 'Content-Security-Policy': [PAGE_CSP.window] } },
      {},
    ])
  })
})

describe('secureWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out', () => {
    expect(secureWebPreferences({ preload: '/p.cjs' })).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/p.cjs',
    })
  })

  it('keeps the window CSP as strict as the page meta', () => {
    expect(PAGE_CSP.window).toContain("default-src 'none'")
    expect(PAGE_CSP.window).toContain("script-src 'self'")
    expect(PAGE_CSP.window).not.toContain('unsafe')
  })
})
