// A bare `ws` DDP client for the simulator's own tests: it queues every frame it receives, so
// a test can wait for one and assert the exact wire format Rocket.Chat / Meteor send.
import { WebSocket } from 'ws'
import type { Simulator } from './types'

const WAIT_MS = 5000

export type Frame = Record<string, unknown>

/** Every socket opened by `open`, for afterEach to terminate. */
export const clients: WebSocket[] = []

export function closeClients(): void {
  for (const ws of clients.splice(0)) ws.terminate()
}

/** A raw DDP client that queues what it receives. */
export class RawClient {
  readonly frames: (Frame | string)[] = []
  private waiters: (() => void)[] = []

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const text = String(data)
      let frame: Frame | string = isBinary ? `<binary ${text.length}>` : text
      try {
        if (!isBinary) frame = JSON.parse(text) as Frame
      } catch {
        // kept as text
      }
      this.frames.push(frame)
      for (const wake of this.waiters.splice(0)) wake()
    })
  }

  send(frame: Frame): void {
    this.ws.send(JSON.stringify(frame))
  }

  /** The first received frame matching, waiting for it if needed. */
  async next(match: (frame: Frame) => boolean, what: string): Promise<Frame> {
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const found = this.frames.find((f): f is Frame => typeof f === 'object' && match(f))
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no ${what}; got ${JSON.stringify(this.frames)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
  }
}

export async function open(url: string): Promise<RawClient> {
  const ws = new WebSocket(url.replace(/^http/, 'ws'))
  clients.push(ws)
  const client = new RawClient(ws)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return client
}

/** connect → login → sub; returns the client once `ready` arrived. */
export async function subscribed(
  sim: Simulator,
  userId: string,
  token: string,
): Promise<RawClient> {
  const client = await open(`${sim.url}/websocket`)
  client.send({ msg: 'connect', version: '1', support: ['1'] })
  await client.next((f) => f.msg === 'connected', 'connected')
  client.send({ msg: 'method', id: '1', method: 'login', params: [{ resume: token }] })
  await client.next((f) => f.msg === 'result' && f.id === '1', 'login result')
  client.send({
    msg: 'sub',
    id: 's1',
    name: 'stream-notify-user',
    params: [`${userId}/media-signal`, false],
  })
  await client.next((f) => f.msg === 'ready', 'ready')
  return client
}
