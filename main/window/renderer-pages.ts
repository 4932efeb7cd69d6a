// Where our two pages live: the call window and the hidden ringtone page. The built
// files through the app scheme in production (call-tray://app/, see app-scheme.ts),
// the electron-vite dev server while developing. Everything that decides whether a
// URL is ours goes through here.
import { APP_ORIGIN } from './app-scheme'

export type PageName = 'window' | 'sound'

export interface RendererPages {
  url(page: PageName): string
  /** Which of our pages a URL is (query and fragment ignored), or null for anything else. */
  pageOf(url: string): PageName | null
}

/** Each page's file in the renderer build. */
export const PAGE_FILES: Record<PageName, string> = { window: 'index.html', sound: 'sound.html' }

export function rendererPages(options: { devServerUrl: string | undefined }): RendererPages {
  const base = new URL(
    options.devServerUrl
      ? options.devServerUrl.endsWith('/')
        ? options.devServerUrl
        : `${options.devServerUrl}/`
      : `${APP_ORIGIN}/`,
  )
  const urls = {
    window: new URL(PAGE_FILES.window, base).href,
    sound: new URL(PAGE_FILES.sound, base).href,
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
      // Built from protocol and host: Node gives a custom scheme's URL the origin "null".
      const bare = `${parsed.protocol}//${parsed.host}${parsed.pathname}`
      if (bare === urls.window || bare === devRoot) return 'window'
      if (bare === urls.sound) return 'sound'
      return null
    },
  }
}
