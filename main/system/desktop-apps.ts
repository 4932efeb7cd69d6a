// Whether Rocket.Chat Desktop is installed: it registers the rocketchat:// scheme.
import type { App } from 'electron'
import type { DesktopApps } from '../app/ports'

export function createDesktopApps(app: Pick<App, 'getApplicationNameForProtocol'>): DesktopApps {
  return { hasRocketChat: () => app.getApplicationNameForProtocol('rocketchat://') !== '' }
}
