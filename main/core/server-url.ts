// Agents type server addresses every which way; normalize them once, and refuse
// clear-text HTTP anywhere but on this machine, where credentials cannot be sniffed.
import { err, ok, type Result } from './result'

export interface ServerUrl {
  /** Origin plus sub-path, no trailing slash: `https://chat.example.com/chat`. */
  base: string
  host: string
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname)
}

export function parseServerUrl(input: string): Result<ServerUrl, string> {
  const text = input.trim()
  if (text === '') return err('Enter the address of your Rocket.Chat server.')
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    return err(`"${text}" is not a server address. Use a form like chat.example.com.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err(`Only https:// addresses are supported, not ${url.protocol}//.`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return err(
      'Plain http:// would send your credentials unencrypted. Use the https:// address of the server (http:// is only allowed for this computer).',
    )
  }
  if (url.username || url.password) {
    return err('Leave the user name and password out of the server address.')
  }
  if (url.search || url.hash) {
    return err(
      'The server address cannot contain "?" or "#". Use only the address you open in the browser.',
    )
  }
  // People paste what their browser shows (`…/home`) or an API address (`…/api/v1`).
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(home|api\/v1|api)$/i, '')
  return ok({ base: `${url.protocol}//${url.host}${path}`, host: url.host })
}
