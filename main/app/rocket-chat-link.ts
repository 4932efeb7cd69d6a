// Where "Open Rocket.Chat" goes. Rocket.Chat Desktop's deep links
// (RocketChat/Rocket.Chat.Electron src/deepLinks/main.ts) switch to a server only
// together with a room: `rocketchat://room?host=<host>&path=direct/<username>`; without
// a path the app only comes to the front. So a call from a user opens the direct
// messages with them, in the desktop app when it is installed, else in the browser.
import type { Call } from '../../common/calls'

/** Usernames as the desktop app's room-path check accepts them. */
const ROOM_NAME = /^[0-9a-zA-Z-_.]+$/

function directPath(call: Call | null): string | null {
  const username = call?.peer.kind === 'user' ? call.peer.username : null
  return username && ROOM_NAME.test(username) ? `direct/${username}` : null
}

export function desktopAppLink(serverBase: string, call: Call | null): string {
  const params = new URLSearchParams({ host: new URL(serverBase).host })
  const path = directPath(call)
  if (path) params.set('path', path)
  return `rocketchat://room?${params.toString()}`
}

export function browserLink(serverBase: string, call: Call | null): string {
  const path = directPath(call)
  // A server under a path (https://host/chat) keeps it: resolve against a trailing slash.
  return path ? new URL(path, serverBase.replace(/\/?$/, '/')).href : serverBase
}
