// How the realtime socket reaches the server: straight, or through a proxy tunnel, and
// which certificate authorities it trusts. The engine owns this shape; the desktop app
// answers it from the system's proxy settings and certificate store, the headless
// runner from HTTPS_PROXY / NO_PROXY (main/net, main/headless).
import type { Agent } from 'node:http'

export interface SocketRoute {
  /** Opens the connection, e.g. a CONNECT tunnel through a proxy; left out, the socket connects directly. */
  agent?: Agent
  /** The certificate authorities to trust for the server; left out, Node's default list. */
  ca?: string[]
}

/** Asked once per connection attempt with the socket's wss:// URL; a rejection fails that attempt with its message. */
export type SocketRouter = (socketUrl: string) => Promise<SocketRoute>
