// HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the headless runner reads them: the cases a
// contact centre's environment actually holds, and the ones that go wrong.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { environmentRoute, proxyFromEnvironment } from './environment-route'

const NAMES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY', 'NODE_EXTRA_CA_CERTS']

beforeEach(() => {
  for (const name of NAMES) {
    vi.stubEnv(name, undefined)
    vi.stubEnv(name.toLowerCase(), undefined)
  }
})
afterEach(() => vi.unstubAllEnvs())

const proxyFor = (url: string) => {
  const result = proxyFromEnvironment(url)
  return result.ok ? result.value : `error: ${result.error}`
}

describe('proxyFromEnvironment', () => {
  it('goes directly when nothing is set', () => {
    expect(proxyFor('https://chat.example.com')).toBeNull()
  })

  it('takes HTTPS_PROXY for https and HTTP_PROXY for http, in either case, lower case first', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://upper:3128')
    vi.stubEnv('http_proxy', 'http://plain:3128')
    expect(proxyFor('https://chat.example.com')).toBe('http://upper:3128')
    expect(proxyFor('http://127.0.0.1:3000')).toBe('http://plain:3128')
    vi.stubEnv('https_proxy', 'http://lower:3128')
    expect(proxyFor('https://chat.example.com')).toBe('http://lower:3128')
  })

  it('falls back to ALL_PROXY', () => {
    vi.stubEnv('ALL_PROXY', 'http://all:3128')
    expect(proxyFor('https://chat.example.com')).toBe('http://all:3128')
  })

  it.each([
    ['chat.example.com', 'https://chat.example.com', true],
    ['example.com', 'https://chat.example.com', false],
    ['.example.com', 'https://chat.example.com', true],
    ['*.example.com', 'https://chat.example.com', true],
    ['.example.com', 'https://example.com', false],
    ['*', 'https://chat.example.com', true],
    ['CHAT.EXAMPLE.COM', 'https://chat.example.com', true],
    ['other.com, chat.example.com', 'https://chat.example.com', true],
    ['other.com chat.example.com', 'https://chat.example.com', true],
    ['chat.example.com:443', 'https://chat.example.com', true],
    ['chat.example.com:8443', 'https://chat.example.com', false],
    ['chat.example.com:8443', 'https://chat.example.com:8443/chat', true],
    ['127.0.0.1', 'http://127.0.0.1:3000', true],
    ['[::1]', 'http://[::1]:3000', true],
    ['example.com.evil', 'https://example.com', false],
  ])('NO_PROXY=%j for %s bypasses: %s', (noProxy, url, bypassed) => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128')
    vi.stubEnv('HTTP_PROXY', 'http://proxy.corp:3128')
    vi.stubEnv('NO_PROXY', noProxy)
    expect(proxyFor(url)).toBe(bypassed ? null : 'http://proxy.corp:3128')
  })

  it('reads no_proxy in lower case too', () => {
    vi.stubEnv('HTTPS_PROXY', 'http://proxy.corp:3128')
    vi.stubEnv('no_proxy', 'chat.example.com')
    expect(proxyFor('https://chat.example.com')).toBeNull()
  })

  it('refuses a SOCKS proxy and an unreadable one with a message, without the password', () => {
    vi.stubEnv('HTTPS_PROXY', 'socks5://user:secret@socks.corp:1080')
    expect(proxyFor('https://chat.example.com')).toBe(
      'error: The proxy socks5://socks.corp:1080 is not supported: use an http:// or https:// proxy.',
    )
    vi.stubEnv('HTTPS_PROXY', 'http://[not-an-address')
    expect(proxyFor('https://chat.example.com')).toBe(
      'error: The proxy in HTTPS_PROXY / HTTP_PROXY / ALL_PROXY is not a valid URL.',
    )
  })
})

describe('environmentRoute', () => {
  const server = { base: 'https://chat.example.com/chat', host: 'chat.example.com' }

  it('leaves REST and the stream on their direct defaults without a proxy', () => {
    const route = environmentRoute(server)
    expect(route).toEqual({
      ok: true,
      value: {
        restAgent: undefined,
        socketRoute: undefined,
        description: 'network: connecting directly',
      },
    })
  })

  it('describes the proxy without its password, and says NODE_EXTRA_CA_CERTS is trusted', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://agent:s3cret@proxy.corp:3128')
    vi.stubEnv('NODE_EXTRA_CA_CERTS', '/etc/ssl/company-ca.pem')
    const route = environmentRoute(server)
    if (!route.ok) throw new Error(route.error)
    expect(route.value.description).toBe(
      'network: connecting through the proxy http://proxy.corp:3128 (with a sign-in), trusting NODE_EXTRA_CA_CERTS as well as Node’s certificates',
    )
    expect(route.value.restAgent).toBeDefined()
    expect(
      (await route.value.socketRoute?.('wss://chat.example.com/chat/websocket'))?.agent,
    ).toBeDefined()
  })
})
