// The fetch adapter under the real REST client, with a fake fetch standing in for
// Electron's net.fetch: what goes out, what comes back, and every way it fails.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { RocketChatClient } from '../core/rocketchat-client'
import { createFetchAdapter, type FetchLike } from './electron-fetch-adapter'

const server = { base: 'https://chat.example.com/chat', host: 'chat.example.com' }
const credentials = { userId: 'user-1', authToken: 'token-1' }
const NOW = Date.UTC(2026, 3, 30, 13, 30, 0)

interface Sent {
  url: string
  method: string
  headers: Headers
  body: string
  redirect: Request['redirect']
  credentials: Request['credentials']
}

function fakeFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const sent: Sent[] = []
  const fetchImpl: FetchLike = async (input, init) => {
    const request = new Request(input, init)
    const entry = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
      redirect: request.redirect,
      credentials: request.credentials,
    }
    sent.push(entry)
    return answer(entry)
  }
  return { fetchImpl, sent }
}

function failingFetch(error: unknown): FetchLike {
  return () => Promise.reject(error)
}

function clientWith(
  fetchImpl: FetchLike,
  options: { timeoutMs?: number; maxResponseBytes?: number } = {},
) {
  return new RocketChatClient({
    server,
    credentials,
    now: () => NOW,
    adapter: createFetchAdapter(fetchImpl),
    userAgent: 'CallTray-test',
    ...options,
  })
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

describe('fetch adapter: the exchange', () => {
  it('sends the request with the auth headers, refuses redirects and sends no cookies', async () => {
    const { fetchImpl, sent } = fakeFetch(() => json(200, { calls: [], success: true }))
    await clientWith(fetchImpl).getCallsState()
    expect(sent).toHaveLength(1)
    const [request] = sent
    expect(request?.url).toBe('https://chat.example.com/chat/api/v1/media-calls.state')
    expect(request?.method).toBe('GET')
    expect(request?.headers.get('x-user-id')).toBe('user-1')
    expect(request?.headers.get('x-auth-token')).toBe('token-1')
    expect(request?.headers.get('user-agent')).toBe('CallTray-test')
    expect(request?.redirect).toBe('manual')
    expect(request?.credentials).toBe('omit')
  })

  it('sends a JSON body with a POST', async () => {
    const { fetchImpl, sent } = fakeFetch(() =>
      json(200, { status: 'success', data: { userId: 'user-1', authToken: 'new-token' } }),
    )
    const result = await clientWith(fetchImpl).login({ user: 'agent', password: 'secret' })
    expect(result).toEqual({ ok: true, value: { userId: 'user-1', authToken: 'new-token' } })
    expect(sent[0]?.method).toBe('POST')
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ user: 'agent', password: 'secret' })
  })

  it('hands the status, the body text and the Date and X-RateLimit-* headers to the client', async () => {
    const serverNow = NOW + 5_000
    const { fetchImpl } = fakeFetch(() =>
      json(
        200,
        { calls: [], success: true },
        {
          Date: new Date(serverNow).toUTCString(),
          'X-RateLimit-Limit': '10',
          'X-RateLimit-Remaining': '7',
          'X-RateLimit-Reset': String(serverNow + 30_000),
        },
      ),
    )
    const reply = await clientWith(fetchImpl).getCallsState()
    expect(reply.result.ok && reply.result.value.calls).toEqual([])
    expect(reply.budget).toEqual({ limit: 10, remaining: 7, resetAt: NOW + 30_000 })
    // The Date header has one-second resolution: the estimate lands within that second.
    const offset = reply.result.ok ? reply.result.value.serverOffsetMs : NaN
    expect(offset).toBeGreaterThanOrEqual(5_000)
    expect(offset).toBeLessThan(6_000)
  })

  it('passes error statuses through for the client to classify', async () => {
    const unauthorized = fakeFetch(() =>
      json(401, { status: 'error', message: 'You must be logged in to do this.' }),
    )
    expect(await clientWith(unauthorized.fetchImpl).me()).toEqual({
      ok: false,
      error: { kind: 'unauthorized', message: 'You must be logged in to do this.' },
    })
    const missing = fakeFetch(() => json(404, { success: false }))
    expect((await clientWith(missing.fetchImpl).getCallsState()).result).toEqual({
      ok: false,
      error: { kind: 'not-supported' },
    })
  })

  it('reports an HTML page as an unreadable answer', async () => {
    const { fetchImpl } = fakeFetch(
      () =>
        new Response('<html><body>Sign in to the Wi-Fi</body></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
    )
    const result = await clientWith(fetchImpl).getServerInfo()
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid-response', detail: expect.stringMatching(/web page/) },
    })
  })

  it('shows a redirect instead of following it', async () => {
    const { fetchImpl } = fakeFetch(
      () => new Response(null, { status: 302, headers: { Location: 'https://sso.example.com/' } }),
    )
    expect(await clientWith(fetchImpl).me()).toEqual({
      ok: false,
      error: {
        kind: 'invalid-response',
        detail: expect.stringMatching(/redirected to https:\/\/sso/),
      },
    })
  })

  it('stops reading an answer larger than the cap', async () => {
    const { fetchImpl } = fakeFetch(() => json(200, { calls: [], padding: 'x'.repeat(5_000) }))
    const reply = await clientWith(fetchImpl, { maxResponseBytes: 1_000 }).getCallsState()
    expect(reply.result).toEqual({
      ok: false,
      error: { kind: 'invalid-response', detail: expect.stringMatching(/larger/) },
    })
  })
})

describe('fetch adapter: failures', () => {
  it('turns a fetch that outlives the timeout into a timeout, aborting it', async () => {
    let aborted = false
    const hanging: FetchLike = (input) =>
      new Promise((_resolve, reject) => {
        const signal = input instanceof Request ? input.signal : null
        const abort = () => {
          aborted = true
          reject(signal?.reason)
        }
        // On a busy machine the timeout can fire before this fake even runs.
        if (signal?.aborted) abort()
        else signal?.addEventListener('abort', abort)
      })
    const result = await clientWith(hanging, { timeoutMs: 20 }).me()
    expect(result).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 20 } })
    expect(aborted).toBe(true)
  })

  it.each([
    ['net::ERR_CONNECTION_REFUSED', { kind: 'network', cause: 'the connection was refused' }],
    ['net::ERR_NAME_NOT_RESOLVED', { kind: 'network', cause: 'the server name was not found' }],
    ['net::ERR_INTERNET_DISCONNECTED', { kind: 'network', cause: 'the network is down' }],
    ['net::ERR_CONNECTION_RESET', { kind: 'network', cause: 'the connection was cut' }],
    [
      'net::ERR_PROXY_CONNECTION_FAILED',
      { kind: 'network', cause: 'the proxy server could not be reached' },
    ],
    ['net::ERR_TIMED_OUT', { kind: 'timeout', afterMs: 10_000 }],
    ['net::ERR_CERT_AUTHORITY_INVALID', { kind: 'tls', cause: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }],
    ['net::ERR_CERT_COMMON_NAME_INVALID', { kind: 'tls', cause: 'ERR_TLS_CERT_ALTNAME_INVALID' }],
    ['net::ERR_CERT_DATE_INVALID', { kind: 'tls', cause: 'CERT_HAS_EXPIRED' }],
    ['net::ERR_CERT_REVOKED', { kind: 'tls', cause: 'ERR_TLS_CERT_REVOKED' }],
    ['net::ERR_SSL_PROTOCOL_ERROR', { kind: 'tls', cause: 'ERR_SSL_PROTOCOL_ERROR' }],
  ])('maps Electron’s %s', async (message, expected) => {
    expect(await clientWith(failingFetch(new Error(message))).me()).toEqual({
      ok: false,
      error: expected,
    })
  })

  it('names a redirect Electron refused to follow', async () => {
    const result = await clientWith(failingFetch(new Error('Redirect was cancelled'))).me()
    expect(result).toEqual({
      ok: false,
      error: { kind: 'network', cause: expect.stringMatching(/redirect.*check the address/) },
    })
  })

  it('maps Node’s `fetch failed` by the code of its cause', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
    })
    const result = await clientWith(failingFetch(new TypeError('fetch failed', { cause }))).me()
    expect(result).toEqual({
      ok: false,
      error: { kind: 'network', cause: 'the connection was refused' },
    })
    const tlsCause = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    })
    const tls = await clientWith(
      failingFetch(new TypeError('fetch failed', { cause: tlsCause })),
    ).me()
    expect(tls).toEqual({ ok: false, error: { kind: 'tls', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })
  })

  it('maps Node’s own timeout and socket codes, and keeps the cause’s words otherwise', async () => {
    const failed = (code: string, message: string) =>
      failingFetch(
        new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) }),
      )
    expect(
      await clientWith(failed('UND_ERR_CONNECT_TIMEOUT', 'Connect Timeout Error')).me(),
    ).toEqual({
      ok: false,
      error: { kind: 'timeout', afterMs: 10_000 },
    })
    expect(await clientWith(failed('UND_ERR_SOCKET', 'other side closed')).me()).toEqual({
      ok: false,
      error: { kind: 'network', cause: 'the connection was cut' },
    })
    expect(await clientWith(failed('EWHATEVER', 'something specific')).me()).toEqual({
      ok: false,
      error: { kind: 'network', cause: 'something specific' },
    })
  })

  it('keeps any other failure as a network problem with its message', async () => {
    const result = await clientWith(failingFetch(new Error('something odd'))).me()
    expect(result).toEqual({ ok: false, error: { kind: 'network', cause: 'something odd' } })
  })
})

describe('fetch adapter: garbage collection', () => {
  it('still times out when nothing but the adapter holds the request (GC during the fetch)', async () => {
    setFlagsFromString('--expose-gc')
    const gc = runInNewContext('gc') as () => void
    // Like a native fetch, this keeps only the signal, not the Request.
    const hanging: FetchLike = (input) =>
      new Promise((_resolve, reject) => {
        const signal = input instanceof Request ? input.signal : null
        signal?.addEventListener('abort', () => reject(signal.reason))
      })
    const client = clientWith(hanging, { timeoutMs: 30 })
    const pending = Array.from({ length: 20 }, () => client.me())
    for (let i = 0; i < 5; i++) {
      gc()
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    for (const result of await Promise.all(pending)) {
      expect(result).toEqual({ ok: false, error: { kind: 'timeout', afterMs: 30 } })
    }
  })
})
