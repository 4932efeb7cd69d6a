// TLS in front of the simulator, as a load balancer terminates it in front of Rocket.Chat:
// https:// and wss:// on a port of its own, the bytes inside passed to the simulator's
// plain HTTP port untouched (so REST, the WebSocket upgrade and every fault work as before).
import net from 'node:net'
import tls from 'node:tls'
import type { AddressInfo } from 'node:net'

export interface TlsFront {
  /** `https://localhost:<port>`: the name the certificate is for. */
  readonly url: string
  readonly port: number
  /** TLS connections accepted so far: compare with a proxy's tunnels to see that all came through it. */
  readonly connectionCount: number
  close(): Promise<void>
}

export async function createTlsFront(options: {
  /** The simulator's HTTP port on 127.0.0.1. */
  targetPort: number
  key: string
  cert: string
}): Promise<TlsFront> {
  const sockets = new Set<net.Socket>()
  let connections = 0
  const server = tls.createServer({ key: options.key, cert: options.cert }, (client) => {
    connections += 1
    const upstream = net.connect(options.targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream).pipe(client)
  })
  // A client that rejects our certificate ends the handshake; nothing to do but let it go.
  server.on('tlsClientError', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `https://localhost:${port}`,
    port,
    get connectionCount() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
