// The REST front door: finds the route and applies Rocket.Chat's order of checks
// (ApiClass `_internalRouteActionHandler`), which the client's error handling depends on:
// authentication (a 401 costs no quota), then the per-IP per-route rate limit (headers on
// every answer of a limited route), then parameter validation, then the handler.

import type { IncomingHttpHeaders } from 'node:http'
import type { UserDirectory } from './auth'
import { rateLimitHeaders, tooManyRequestsBody, type RateLimiter } from './rate-limiter'
import { reply, type Reply } from './reply'
import type { SimUser } from './types'
import { invalidParams, type QueryParams } from './validation'

/** An 8.x with media calls on by default, the version of the typings the type checks use. */
export const DEFAULT_SERVER_VERSION = '8.8.1'

export function majorVersion(version: string): number {
  return Number.parseInt(version, 10)
}

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
  /** false → limits enforced without X-RateLimit-* headers. */
  rateLimitHeaders: boolean
  legacy401: boolean
  serverVersion: string
  refusedRoutes: Record<string, 403 | 404>
}

/** '/api/v1/media-calls.state' → 'media-calls.state', '/api/info' → 'info'. */
export function routeName(path: string): string {
  return path.replace(/^\/api\/v1\//, '').replace(/^\/api\//, '')
}

/** Rocket.Chat's planned API breaking changes (`shouldBreakInVersion('9.0.0')`). */
export function appliesBreakingChanges(serverVersion: string): boolean {
  return majorVersion(serverVersion) >= 9
}

export function unauthorizedBody(legacy: boolean, serverVersion = DEFAULT_SERVER_VERSION) {
  const message = 'You must be logged in to do this.'
  if (legacy) return { status: 'error', message }
  if (appliesBreakingChanges(serverVersion)) return { success: false, error: message }
  return { success: false, error: message, status: 'error', message }
}

/** API.v1.forbidden() / notFound() with their default messages. */
function refusal(status: 403 | 404, serverVersion: string): Reply {
  if (status === 404) return reply(404, { success: false, error: 'Resource not found' })
  const error = appliesBreakingChanges(serverVersion) ? 'forbidden' : 'unauthorized'
  return reply(403, { success: false, error })
}

export function createApi(deps: ApiDeps): (req: ApiRequest) => Reply {
  const table = new Map(deps.routes.map((r) => [`${r.method} ${r.name}`, r]))
  return (req) => {
    if (req.path === '/api/info' && req.method === 'GET') {
      // Unauthenticated callers get the version without its patch (getServerInfo.ts).
      const version = deps.serverVersion.replace(/^(\d+\.\d+).*/, '$1')
      return reply(200, { version, success: true })
    }
    const route = req.path.startsWith('/api/v1/')
      ? table.get(`${req.method} ${routeName(req.path)}`)
      : undefined
    if (!route) return reply(404, { success: false, error: 'Not found' })
    return handle(deps, route, req)
  }
}

function handle(deps: ApiDeps, route: RouteDef, req: ApiRequest): Reply {
  const ctx: RouteContext = { now: req.now, query: req.query, body: req.body, headers: req.headers }
  const refused = deps.refusedRoutes[route.name]
  const checked = (run: () => Reply) => () => {
    if (refused) return refusal(refused, deps.serverVersion)
    const invalid = route.validate?.(req.query, req.body)
    return invalid ? invalidParams(invalid) : run()
  }
  if (!route.auth) {
    return limited(
      deps,
      req,
      route.name,
      undefined,
      checked(() => route.handle(ctx)),
    )
  }
  const token = header(req, 'x-auth-token')
  const user = deps.users.authenticate(header(req, 'x-user-id'), token)
  if (!user || !token) return reply(401, unauthorizedBody(deps.legacy401, deps.serverVersion))
  const run = checked(() => route.handle({ ...ctx, user, token }))
  return limited(deps, req, route.name, user, run)
}

function limited(
  deps: ApiDeps,
  req: ApiRequest,
  name: string,
  user: SimUser | undefined,
  run: () => Reply,
): Reply {
  if (!deps.limiter || user?.bypassRateLimit) return run()
  const verdict = deps.limiter.hit(`${req.method} ${name}`, req.ip, req.now)
  const headers = deps.rateLimitHeaders ? rateLimitHeaders(verdict) : {}
  if (!verdict.allowed) return reply(429, tooManyRequestsBody(verdict, req.now), headers)
  const result = run()
  return { ...result, headers: { ...headers, ...result.headers } }
}

function header(req: ApiRequest, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}
