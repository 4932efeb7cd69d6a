// Writing responses the way Rocket.Chat 7.x does (apps/meteor/app/api/server/router.ts):
// exactly `application/json`, no-store caching headers, and a Date header taken from
// the simulated server clock so a client's clock-offset handling can be tested.

import type { ServerResponse } from 'node:http'

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

export function reply(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body }
}

/** HTTP-date (RFC 9110), one-second resolution like every real server. */
export function httpDate(serverNow: number): string {
  return new Date(serverNow).toUTCString()
}

export function writeReply(res: ServerResponse, r: Reply, serverNow: number): void {
  writeRaw(res, r.status, JSON.stringify(r.body), 'application/json', serverNow, r.headers)
}

export function writeRaw(
  res: ServerResponse,
  status: number,
  body: string,
  contentType: string,
  serverNow: number,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.headersSent) return
  res.writeHead(status, {
    ...headers,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    Pragma: 'no-cache',
    Date: httpDate(serverNow),
    'Content-Length': String(Buffer.byteLength(body)),
  })
  res.end(body)
}
