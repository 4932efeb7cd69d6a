// One HTTP request from accept to answer: injected faults first (they model the network
// and proxies in front of the server, so they win over everything), then body parsing
// and the REST API, then a record of what happened for tests to inspect.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { routeName, type ApiRequest } from './api'
import { defaultFaultBody, type FaultInjector } from './faults'
import { reply, writeRaw, writeReply, type Reply } from './reply'
import type { Fault, RequestRecord } from './types'
import { parseQuery } from './validation'

const MAX_BODY_BYTES = 1024 * 1024

export interface PipelineDeps {
  basePath: string
  api: (req: ApiRequest) => Reply
  faults: FaultInjector
  requests: RequestRecord[]
  /** The injected clock, for request records. */
  clockNow: () => number
  /** The server clock (clock + skew), for everything the client sees. */
  serverNow: () => number
  /** Pending delay timers, cleared when the simulator closes. */
  timers: Set<NodeJS.Timeout>
}

export function createRequestHandler(deps: PipelineDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handleRequest(deps, req, res).catch((err: unknown) => {
      console.error('simulator: request failed', err)
      writeReply(
        res,
        reply(500, { success: false, error: 'Internal server error' }),
        deps.serverNow(),
      )
    })
  }
}

async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse) {
  const at = deps.clockNow()
  const method = req.method ?? 'GET'
  const url = new URL(req.url ?? '/', 'http://simulator')
  const path = belowBasePath(url.pathname, deps.basePath)
  const route = path === undefined ? url.pathname : routeName(path)
  const ip = clientIp(req)
  const record = (status: number, body?: unknown) => {
    deps.requests.push({ at, method, route, status, ip, ...(body !== undefined && { body }) })
  }

  const fault = deps.faults.take(route)
  if (fault && fault.kind !== 'delay') {
    record(applyFault(fault, req, res, deps.serverNow()))
    return
  }
  if (fault?.kind === 'delay') await sleep(fault.ms, deps.timers)

  const raw = method === 'POST' ? await readBody(req) : ''
  const body = parseJson(raw)
  const result =
    path === undefined
      ? reply(404, { success: false, error: 'Not found' })
      : deps.api({
          method,
          path,
          query: parseQuery(url.searchParams),
          // Like Rocket.Chat's parseBodyParams: an absent or unparsable body reads as {}.
          body: body === undefined || typeof body === 'string' ? {} : body,
          headers: req.headers,
          ip,
          now: deps.serverNow(),
        })
  writeReply(res, result, deps.serverNow())
  record(result.status, body)
}

/** Answers (or drops) per the fault; returns the status to record, 0 for a drop. */
function applyFault(
  fault: Exclude<Fault, { kind: 'delay' }>,
  req: IncomingMessage,
  res: ServerResponse,
  now: number,
) {
  switch (fault.kind) {
    case 'drop':
      req.socket.destroy()
      return 0
    case 'status':
      writeRaw(
        res,
        fault.status,
        fault.body ?? defaultFaultBody(fault.status),
        fault.contentType ?? 'application/json',
        now,
      )
      return fault.status
    case 'malformed':
      writeRaw(res, 200, fault.body, fault.contentType ?? 'application/json', now)
      return 200
  }
}

function belowBasePath(pathname: string, basePath: string): string | undefined {
  if (!basePath) return pathname
  return pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : undefined
}

/** Rocket.Chat's getRequestIP: X-Real-IP wins over the socket address. */
function clientIp(req: IncomingMessage): string {
  const realIp = req.headers['x-real-ip']
  return (Array.isArray(realIp) ? realIp[0] : realIp) ?? req.socket.remoteAddress ?? 'unknown'
}

/** The parsed JSON, the raw text when it is not JSON, undefined when empty. */
function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return raw
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      resolve()
    }, ms)
    timers.add(timer)
  })
}
