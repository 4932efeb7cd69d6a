// Where our two pages live: the call window and the hidden ringtone page. Built files
// in production (file:), the electron-vite dev server while developing. Everything
// that decides whether a URL is ours goes through here.
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export type PageName = 'window' | 'sound'

export interface RendererPages {
  url(page: PageName): string
  /** Which of our pages a URL is (query and fragment ignored), or null for anything else. */
  pageOf(url: string): PageName | null
}

const FILES: Record<PageName, string> = { window: 'index.html', sound: 'sound.html' }

export function rendererPages(options: {
  devServerUrl: string | undefined
  rendererDir: string
}): RendererPages {
  const base = options.devServerUrl
    ? new URL(
        options.devServerUrl.endsWith('/') ? options.devServerUrl : `${options.devServerUrl}/`,
      )
    : pathToFileURL(`${options.rendererDir}${path.sep}`)
  const urls = {
    window: new URL(FILES.window, base).href,
    sound: new URL(FILES.sound, base).href,
  }
  const devRoot = options.devServerUrl ? new URL('./', base).href : null
  return {
    url: (page) => urls[page],
    pageOf(url) {
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        return null
      }
      const bare = `${parsed.origin === 'null' ? `${parsed.protocol}//` : parsed.origin}${parsed.pathname}`
      if (bare === urls.window || bare === devRoot) return 'window'
      if (bare === urls.sound) return 'sound'
      return null
    },
  }
}
