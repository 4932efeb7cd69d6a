// The only links the app hands to the system browser: the signed-in server's own
// pages, over https (http only on this machine, as the sign-in form allows). Anything
// else — a file: URL, another host, a custom scheme — could start a program.
import { isLoopbackHost } from '../core/server-url'

export function isAllowedExternalUrl(url: string, serverBase: string | null): boolean {
  if (serverBase === null) return false
  let target: URL
  let server: URL
  try {
    target = new URL(url)
    server = new URL(serverBase)
  } catch {
    return false
  }
  const secure =
    target.protocol === 'https:' || (target.protocol === 'http:' && isLoopbackHost(target.hostname))
  if (!secure || target.username || target.password) return false
  return target.origin === server.origin
}
