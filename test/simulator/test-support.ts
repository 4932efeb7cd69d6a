// Shared helpers for the simulator's own tests: a settable clock and a tiny HTTP client
// (fetch) so every test talks to the simulator the way the real client does.

import type { Simulator, SimClock } from './types'

export const AGENT1_AUTH = { 'X-User-Id': 'iaZWAXecuCuBx4FnX', 'X-Auth-Token': 'demo-agent1-token' }
export const FUNKE_AUTH = { 'X-User-Id': 'aEGCdnFoBFCFNdiyX', 'X-Auth-Token': 'demo-funke-token' }
export const SUPERVISOR_AUTH = {
  'X-User-Id': 'sUpErViSoRaDmIn001',
  'X-Auth-Token': 'demo-supervisor-token',
}

/** 2026-04-30T13:30:00.000Z, the day of the example payloads. */
export const T0 = Date.UTC(2026, 3, 30, 13, 30, 0)

export class FakeClock implements SimClock {
  constructor(public t = T0) {}
  now(): number {
    return this.t
  }
  advance(ms: number): void {
    this.t += ms
  }
}

export interface ApiResponse {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  json: any
}

export async function api(
  sim: Simulator,
  path: string,
  opts: {
    method?: string
    headers?: Record<string, string>
    body?: unknown
    rawBody?: string
  } = {},
): Promise<ApiResponse> {
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body))
  const res = await fetch(`${sim.url}${path}`, {
    method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...opts.headers },
    body,
  })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, text, json }
}
