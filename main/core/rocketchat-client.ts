// The Rocket.Chat REST client: one kept-alive connection, a timeout, a cap on
// answer size, and every answer turned into a typed value. Never throws.
import http from 'node:http'
import https from 'node:https'
import axios, {
  AxiosError,
  type AxiosInstance,
  type AxiosRequestConfig,
  type AxiosResponse,
} from 'axios'
import type { ApiError } from './api-errors'
import {
  callHistoryInfoSchema,
  callHistoryItemSchema,
  callHistoryListSchema,
  callsStateSchema,
  confirmationSchema,
  licenseInfoSchema,
  loginSchema,
  mediaCallInfoSchema,
  mediaCallSchema,
  meSchema,
  myRolesSchema,
  permissionsListSchema,
  publicSettingsSchema,
  serverInfoSchema,
  type Me,
  type ServerCallHistoryItem,
  type ServerMediaCall,
} from './api-schemas'
import { ClockOffsetEstimator } from './clock-offset'
import { classifyTransportError } from './http-errors'
import { classifyResponse, describeIssues, mapResult, parseWith } from './http-responses'
import { readRateBudget, type RateBudget } from './rate-limit'
import { err, ok, type Result } from './result'
import type { ServerUrl } from './server-url'
import type { PermissionChanges } from './voice-availability'

export interface Credentials {
  userId: string
  authToken: string
}

export interface ClientOptions {
  server: ServerUrl
  credentials?: Credentials
  now?: () => number
  timeoutMs?: number
  maxResponseBytes?: number
  /** The packaged app passes an Electron net.fetch adapter so system proxies and certificates apply. */
  adapter?: AxiosRequestConfig['adapter']
  /** Carries every request instead of the client's own kept-alive agents (e.g. a proxy tunnel); close() destroys it. */
  agent?: http.Agent
  userAgent?: string
}

export interface CallsSnapshot {
  calls: ServerMediaCall[]
  /** Calls the server sent that did not validate; kept by id so nothing is dropped silently. */
  unreadable: { id: string | null; detail: string }[]
  /** Server clock minus local clock, at the time of this answer. */
  serverOffsetMs: number
}

export interface Reply<T> {
  result: Result<T, ApiError>
  /** The route's rate budget, when the server reported one. */
  budget: RateBudget | null
}

export interface CallHistory {
  /** `not-answered`, `ended`, `transferred`, `failed`, `error`, or a newer state. */
  state: string
  hangupReason: string | null
  endedBy: string | null
}

/** How a call ended, from `media-calls.info`. */
export interface CallEnding {
  /** False while the server still has the call open. */
  ended: boolean
  /** `rejected`, `not-answered`, `expired` (older: `timeout`), `normal`, ... */
  hangupReason: string | null
  endedBy: string | null
  /** A device took it (it was accepted at some point). */
  answered: boolean
}

export const DEFAULT_TIMEOUT_MS = 10_000
/** Past the timeout plus this, the client gives up on its own: see withDeadline. */
const DEADLINE_GRACE_MS = 1000
const DEFAULT_MAX_RESPONSE_BYTES = 2 * 1024 * 1024

export class RocketChatClient {
  readonly server: ServerUrl
  private credentials: Credentials | undefined
  private readonly http: AxiosInstance
  private readonly agents: (http.Agent | https.Agent)[]
  private readonly now: () => number
  private readonly timeoutMs: number
  private readonly offset = new ClockOffsetEstimator()

  constructor(options: ClientOptions) {
    this.server = options.server
    this.credentials = options.credentials
    this.now = options.now ?? Date.now
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    const httpAgent = options.agent ?? new http.Agent({ keepAlive: true, maxSockets: 4 })
    const httpsAgent = options.agent ?? new https.Agent({ keepAlive: true, maxSockets: 4 })
    this.agents = [httpAgent, httpsAgent]
    this.http = axios.create({
      baseURL: `${options.server.base}/api`,
      timeout: this.timeoutMs,
      maxContentLength: maxBytes,
      maxBodyLength: 64 * 1024,
      // A redirect would carry X-Auth-Token to wherever it points: refuse to follow.
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      httpAgent,
      httpsAgent,
      // axios would otherwise follow HTTP(S)_PROXY itself, and it sends https requests to a
      // proxy without a CONNECT tunnel; proxies reach the client as an agent instead.
      proxy: false,
      headers: { 'User-Agent': options.userAgent ?? 'CallTray', Accept: 'application/json' },
      ...(options.adapter ? { adapter: options.adapter } : {}),
    })
  }

  setCredentials(credentials: Credentials | undefined): void {
    this.credentials = credentials
  }

  get serverOffsetMs(): number {
    return this.offset.offsetMs
  }

  /** Closes kept-alive sockets so a shutting-down process is not held open. */
  close(): void {
    for (const agent of this.agents) agent.destroy()
  }

  async getServerInfo(): Promise<Result<{ version: string }, ApiError>> {
    const reply = await this.request('GET', 'info', { auth: false })
    return mapResult(reply.result, (body) => parseWith(serverInfoSchema, body))
  }

  async login(input: {
    user: string
    password: string
    code?: string | undefined
  }): Promise<Result<Credentials, ApiError>> {
    const body = {
      user: input.user,
      password: input.password,
      ...(input.code ? { code: input.code } : {}),
    }
    const reply = await this.request('POST', 'v1/login', { auth: false, body })
    return mapResult(reply.result, (data) => {
      const parsed = parseWith(loginSchema, data)
      return parsed.ok
        ? ok({ userId: parsed.value.data.userId, authToken: parsed.value.data.authToken })
        : parsed
    })
  }

  async me(): Promise<Result<Me, ApiError>> {
    const reply = await this.request('GET', 'v1/me')
    return mapResult(reply.result, (body) => parseWith(meSchema, body))
  }

  async logout(): Promise<Result<void, ApiError>> {
    const reply = await this.request('POST', 'v1/logout', { body: {} })
    return mapResult(reply.result, () => ok(undefined))
  }

  async getCallsState(): Promise<Reply<CallsSnapshot>> {
    const reply = await this.request('GET', 'v1/media-calls.state')
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(callsStateSchema, body)
      if (!parsed.ok) return parsed
      if (parsed.value.success === false) {
        return err<ApiError>({ kind: 'invalid-response', detail: 'the server reported a failure.' })
      }
      return ok(this.readCalls(parsed.value.calls))
    })
    return { result, budget: reply.budget }
  }

  /** Declines an incoming call. Only `reject`: `accept`/`ack` would bind or ring the call here. */
  async rejectCall(callId: string, contractId: string): Promise<Result<void, ApiError>> {
    const body = { callId, contractId, answer: 'reject' }
    const reply = await this.request('POST', 'v1/media-calls.answer', { body })
    // Withdrawing the notification of a call the server never declined would hide a ring.
    return mapResult(reply.result, (answer) =>
      mapResult(parseWith(confirmationSchema, answer), () => ok(undefined)),
    )
  }

  /** The finished call's history, or null when the server has none (yet). */
  async getCallHistory(callId: string): Promise<Reply<CallHistory | null>> {
    const reply = await this.request('GET', 'v1/call-history.info', { query: { callId } })
    if (!reply.result.ok && reply.result.error.kind === 'not-supported') {
      return { result: ok(null), budget: reply.budget }
    }
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(callHistoryInfoSchema, body)
      if (!parsed.ok) return parsed
      const { item, call } = parsed.value
      return ok({
        state: item.state,
        hangupReason: call?.hangupReason ?? null,
        endedBy: call?.endedBy?.id ?? null,
      })
    })
    return { result, budget: reply.budget }
  }

  /**
   * The newest inbound calls nobody answered, newest first (`call-history.list`): what
   * was missed while the app could not see calls. Unreadable items are left out.
   */
  async listMissedCalls(count: number): Promise<Reply<ServerCallHistoryItem[]>> {
    const reply = await this.request('GET', 'v1/call-history.list', {
      query: {
        direction: 'inbound',
        state: 'not-answered',
        sort: JSON.stringify({ ts: -1 }),
        count: String(count),
      },
    })
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(callHistoryListSchema, body)
      if (!parsed.ok) return parsed
      return ok(
        parsed.value.items.flatMap((raw) => {
          const item = callHistoryItemSchema.safeParse(raw)
          return item.success ? [item.data] : []
        }),
      )
    })
    return { result, budget: reply.budget }
  }

  /** How the call ended, or null when the server does not show it (404: not in it, or an older server). */
  async getCallEnding(callId: string): Promise<Reply<CallEnding | null>> {
    const reply = await this.request('GET', 'v1/media-calls.info', { query: { callId } })
    if (!reply.result.ok && reply.result.error.kind === 'not-supported') {
      return { result: ok(null), budget: reply.budget }
    }
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(mediaCallInfoSchema, body)
      if (!parsed.ok) return parsed
      const { call } = parsed.value
      return ok({
        ended: call.ended || call.state === 'hangup',
        hangupReason: call.hangupReason ?? null,
        endedBy: call.endedBy?.id ?? null,
        answered: call.acceptedAt !== undefined || call.activatedAt !== undefined,
      })
    })
    return { result, budget: reply.budget }
  }

  /** The license's active modules (`teams-voip` carries voice calls). */
  async getLicenseModules(): Promise<Reply<string[]>> {
    const reply = await this.request('GET', 'v1/licenses.info')
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(licenseInfoSchema, body)
      return parsed.ok ? ok(parsed.value.license.activeModules) : parsed
    })
    return { result, budget: reply.budget }
  }

  /** The signed-in user's roles; null when the server does not say. */
  async getMyRoles(): Promise<Reply<string[] | null>> {
    const reply = await this.request('GET', 'v1/me')
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(myRolesSchema, body)
      return parsed.ok ? ok(parsed.value.roles ?? null) : parsed
    })
    return { result, budget: reply.budget }
  }

  /** Permissions and their roles; with `updatedSince`, only what changed after it. */
  async listPermissions(updatedSince?: string): Promise<Reply<PermissionChanges>> {
    const query = updatedSince ? { updatedSince } : undefined
    const reply = await this.request('GET', 'v1/permissions.listAll', { query })
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(permissionsListSchema, body)
      if (!parsed.ok) return parsed
      return ok({
        update: parsed.value.update.map((permission) => ({
          id: permission._id,
          roles: permission.roles,
          updatedAt: permission._updatedAt ?? null,
        })),
        remove: parsed.value.remove.map((permission) => permission._id),
      })
    })
    return { result, budget: reply.budget }
  }

  /** One public setting's value (no sign-in needed); undefined when the server has none by that id. */
  async getPublicSetting(id: string): Promise<Reply<unknown>> {
    const reply = await this.request('GET', 'v1/settings.public', {
      auth: false,
      query: { _id: id },
    })
    const result = mapResult(reply.result, (body) => {
      const parsed = parseWith(publicSettingsSchema, body)
      return parsed.ok ? ok(parsed.value.settings.find((s) => s._id === id)?.value) : parsed
    })
    return { result, budget: reply.budget }
  }

  private readCalls(rawCalls: unknown[]): CallsSnapshot {
    const calls: ServerMediaCall[] = []
    const unreadable: CallsSnapshot['unreadable'] = []
    for (const raw of rawCalls) {
      const parsed = mediaCallSchema.safeParse(raw)
      if (parsed.success) calls.push(parsed.data)
      else unreadable.push({ id: rawId(raw), detail: describeIssues(parsed.error) })
    }
    return { calls, unreadable, serverOffsetMs: this.offset.offsetMs }
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    options: { auth?: boolean; body?: unknown; query?: Record<string, string> } = {},
  ): Promise<Reply<unknown>> {
    const headers: Record<string, string> = {}
    if (options.auth !== false) {
      if (!this.credentials)
        return { result: err({ kind: 'unauthorized', message: 'Not signed in.' }), budget: null }
      headers['X-User-Id'] = this.credentials.userId
      headers['X-Auth-Token'] = this.credentials.authToken
    }
    const sentAt = this.now()
    let response: AxiosResponse<unknown>
    try {
      response = await withDeadline(
        this.timeoutMs + DEADLINE_GRACE_MS,
        this.http.request({
          method,
          url: path,
          headers,
          params: options.query,
          data: options.body,
        }),
      )
    } catch (error) {
      return { result: err(classifyTransportError(error, this.timeoutMs)), budget: null }
    }
    const receivedAt = this.now()
    const serverDate = parseDateHeader(response.headers['date'])
    if (serverDate !== null) this.offset.addSample(sentAt, receivedAt, serverDate)
    const budget = readRateBudget(
      (name) => response.headers[name] as string | undefined,
      receivedAt,
      serverDate,
      this.offset.offsetMs,
    )
    return { result: classifyResponse(response, budget, receivedAt), budget }
  }
}

function rawId(raw: unknown): string | null {
  const id = (raw as { _id?: unknown } | null)?._id
  return typeof id === 'string' && id !== '' ? id : null
}

function parseDateHeader(value: unknown): number | null {
  if (typeof value !== 'string') return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

/**
 * The poller waits for every answer before it sends the next request, so an answer
 * that never comes (an adapter that loses its timeout) would silence it for good.
 */
function withDeadline<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new AxiosError(`no answer within ${ms} ms`, 'ECONNABORTED')),
      ms,
    )
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}
