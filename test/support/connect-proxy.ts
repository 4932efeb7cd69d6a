// A corporate proxy at its strictest: it only tunnels (`CONNECT host:port`), may demand
// `Proxy-Authorization`, and refuses every plain request, absolute-URI proxying and
// upgrades included. It records each CONNECT it was asked for, so a test can tell the
// traffic went through it (or, with NO_PROXY, that it did not).
import { createServer, type IncomingMessage } from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export interface TunnelRecord {
  /** `host:port` as the client asked for it. */
  target: string
  /** 200 for a tunnel opened, 407 for a sign-in refused, 502 when the target was unreachable. */
  status: number
  /** The Proxy-Authorization header the client sent, if any. */
  authorization: string | undefined
}

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`, without credentials. */
  readonly url: string
  readonly port: number
  readonly tunnels: TunnelRecord[]
  /** Plain requests and upgrades refused, as `METHOD url`. */
  readonly refused: string[]
  close(): Promise<void>
}

export async function createConnectProxy(
  options: { credentials?: { user: string; password: string } } = {},
): Promise<ConnectProxy> {
  const tunnels: TunnelRecord[] = []
  const refused: string[] = []
  const sockets = new Set<Duplex>()
  const track = (socket: Duplex) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => socket.destroy())
  }
  const expected = options.credentials
    ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}`
    : undefined

  const server = createServer((req, res) => {
    refused.push(`${req.method} ${req.url}`)
    res.writeHead(405, { 'Content-Type': 'text/plain', Connection: 'close' })
    res.end('This proxy only tunnels: use CONNECT.\n')
  })
  server.on('connection', track)
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    refused.push(`${req.method} ${req.url}`)
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const target = req.url ?? ''
    const authorization = req.headers['proxy-authorization']
    const record = (status: number) => tunnels.push({ target, status, authorization })
    if (expected !== undefined && authorization !== expected) {
      record(407)
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\n' +
          'Proxy-Authenticate: Basic realm="test proxy"\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    const { hostname, port } = new URL(`http://${target}`)
    const upstream = net.connect(Number(port), hostname.replace(/^\[|\]$/g, ''))
    track(upstream)
    let opened = false
    upstream.once('connect', () => {
      opened = true
      record(200)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    upstream.once('error', () => {
      if (opened) return client.destroy()
      record(502)
      client.end('HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tunnels,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
