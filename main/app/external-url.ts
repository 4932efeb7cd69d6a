// The only links the app hands to the system browser: the signed-in server's own
// pages, over https (http only on this machine, as the sign-in form allows). Anything
// else — a file: URL, another host, a custom scheme — could start a program. Besides
// those: the operating systems' notification settings pages (exact addresses) and
// Rocket.Chat Desktop's room link for the signed-in server.
import { isLoopbackHost } from '../core/server-url'

/** Where the OS lets the agent allow Call Tray's notifications; Linux desktops have no such URL. */
export const NOTIFICATION_SETTINGS_URLS: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'ms-settings:notifications',
  darwin: 'x-apple.systempreferences:com.apple.preference.notifications',
}

export function isNotificationSettingsUrl(url: string): boolean {
  return Object.values(NOTIFICATION_SETTINGS_URLS).includes(url)
}

/** `rocketchat://room?host=<the server's host>[&path=direct/<name>]`, nothing else. */
export function isAllowedDesktopAppLink(url: string, serverBase: string | null): boolean {
  if (serverBase === null) return false
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  if (target.protocol !== 'rocketchat:' || target.hostname !== 'room') return false
  const keys = [...target.searchParams.keys()]
  const path = target.searchParams.get('path')
  return (
    keys.every((key) => key === 'host' || key === 'path') &&
    target.searchParams.get('host') === new URL(serverBase).host &&
    (path === null || /^direct\/[0-9a-zA-Z-_.]+$/.test(path))
  )
}

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
