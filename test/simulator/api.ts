// The REST front door: finds the route and applies Rocket.Chat's order of checks,
// which the client's error handling depends on: parameter validation (typed routes),
// then authentication (a 401 costs no quota), then the per-IP per-route rate limit
// (headers on every answer of a limited route), then the handler.

import type { IncomingHttpHeaders } from 'node:http'
import type { UserDirectory } from './auth'
import { rateLimitHeaders, tooManyRequestsBody, type RateLimiter } from './rate-limiter'
import { reply, type Reply } from './reply'
import type { SimUser } from './types'
import { invalidParams, type QueryParams } from './validation'

export const SERVER_VERSION = '7.10.0'

export interface ApiRequest {
  method: string
  /** Path below the basePath, e.g. '/api/v1/me'. */
  path: string
  query: QueryParams
  body: unknown
  headers: IncomingHttpHeaders
  ip: string
  /** Server clock (clock + skew), epoch ms. */
  now: number
}

export interface RouteContext {
  now: number
  query: QueryParams
  body: unknown
  headers: IncomingHttpHeaders
}

export interface AuthedContext extends RouteContext {
  user: SimUser
  token: string
}

interface RouteBase {
  method: 'GET' | 'POST'
  /** Route below /api/v1/, e.g. 'media-calls.state'. */
  name: string
  validate?: (query: QueryParams, body: unknown) => string | undefined
}

export type RouteDef =
  | (RouteBase & { auth: false; handle: (ctx: RouteContext) => Reply })
  | (RouteBase & { auth: true; handle: (ctx: AuthedContext) => Reply })

export interface ApiDeps {
  routes: RouteDef[]
  users: UserDirectory
  limiter: RateLimiter | undefined
  legacy401: boolean
}

/** '/api/v1/media-calls.state' → 'media-calls.state', '/api/info' → 'info'. */
export function routeName(path: string): string {
  return path.replace(/^\/api\/v1\//, '').replace(/^\/api\//, '')
}

export function unauthorizedBody(legacy: boolean) {
  const message = 'You must be logged in to do this.'
  return legacy
    ? { status: 'error', message }
    : { success: false, error: message, status: 'error', message }
}

export function createApi(deps: ApiDeps): (req: ApiRequest) => Reply {
  const table = new Map(deps.routes.map((r) => [`${r.method} ${r.name}`, r]))
  return (req) => {
    if (req.path === '/api/info' && req.method === 'GET') {
      // Unauthenticated callers get the version without its patch (getServerInfo.ts).
      return reply(200, { version: SERVER_VERSION.replace(/^(\d+\.\d+).*/, '$1'), success: true })
    }
    const route = req.path.startsWith('/api/v1/')
      ? table.get(`${req.method} ${routeName(req.path)}`)
      : undefined
    if (!route) return reply(404, { success: false, error: 'Not found' })
    return handle(deps, route, req)
  }
}

function handle(deps: ApiDeps, route: RouteDef, req: ApiRequest): Reply {
  const invalid = route.validate?.(req.query, req.body)
  if (invalid) return invalidParams(invalid)
  const ctx: RouteContext = { now: req.now, query: req.query, body: req.body, headers: req.headers }
  if (!route.auth) return limited(deps, req, route.name, undefined, () => route.handle(ctx))

  const token = header(req, 'x-auth-token')
  const user = deps.users.authenticate(header(req, 'x-user-id'), token)
  if (!user || !token) return reply(401, unauthorizedBody(deps.legacy401))
  return limited(deps, req, route.name, user, () => route.handle({ ...ctx, user, token }))
}

function limited(
  deps: ApiDeps,
  req: ApiRequest,
  name: string,
  user: SimUser | undefined,
  run: () => Reply,
): Reply {
  if (!deps.limiter || user?.bypassRateLimit) return run()
  const verdict = deps.limiter.hit(`${req.ip} ${req.method} ${name}`, req.now)
  const headers = rateLimitHeaders(verdict)
  if (!verdict.allowed) return reply(429, tooManyRequestsBody(verdict, req.now), headers)
  const result = run()
  return { ...result, headers: { ...headers, ...result.headers } }
}

function header(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}
