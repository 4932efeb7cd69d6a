// Rocket.Chat (Meteor) serves DDP at `<ROOT_URL>/websocket`, sub-path installs included.
import type { ServerUrl } from '../server-url'

/** https://host/chat → wss://host/chat/websocket, http://127.0.0.1:3000 → ws://127.0.0.1:3000/websocket */
export function websocketUrl(server: ServerUrl): string {
  const url = new URL(server.base)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/websocket`
  url.search = ''
  url.hash = ''
  return url.toString()
}
