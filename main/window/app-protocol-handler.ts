// What call-tray://app/ answers (protocol.handle): the files of the renderer build and
// nothing else. A request for anything outside that folder (`..`, encoded slashes, an
// absolute path), another host, a type we do not ship or a method other than GET/HEAD
// gets an error status, never a file. HTML pages carry their CSP as a header too, as
// hardenSession adds it for the dev server.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { APP_HOST, APP_SCHEME } from './app-scheme'
import { PAGE_FILES } from './renderer-pages'
import { PAGE_CSP } from './web-security'

/** What the renderer build holds; anything else is not served. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wav': 'audio/wav',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}

export type AppProtocolHandler = (request: Request) => Promise<Response>

export function appProtocolHandler(options: { rendererDir: string }): AppProtocolHandler {
  const root = path.resolve(options.rendererDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405)
    const file = fileFor(request.url, root)
    if (!file) return refuse(404)
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()]
    const page = pageServedBy(path.relative(root, file))
    if (!contentType || (contentType.startsWith('text/html') && !page)) return refuse(404)
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return refuse(404)
    }
    const headers = new Headers({
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'X-Content-Type-Options': 'nosniff',
    })
    if (page) headers.set('Content-Security-Policy', PAGE_CSP[page])
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { headers })
  }
}

/** The file a URL names inside root, or null for anything that is not ours to serve. */
function fileFor(url: string, root: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  // A NUL or a backslash has no place in our file names (and a backslash is a
  // separator on Windows that the URL parser did not see).
  if (/[\0\\]/.test(relative)) return null
  const file = path.resolve(root, `.${relative}`)
  return file.startsWith(`${root}${path.sep}`) ? file : null
}

function pageServedBy(relative: string) {
  const entry = Object.entries(PAGE_FILES).find(([, name]) => name === relative)
  return entry ? (entry[0] as keyof typeof PAGE_FILES) : null
}

function refuse(status: 404 | 405): Response {
  return new Response(null, { status })
}
