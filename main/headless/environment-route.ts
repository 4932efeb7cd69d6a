// The headless runner's network route, by the conventions every command-line tool
// follows: HTTPS_PROXY / HTTP_PROXY / ALL_PROXY and NO_PROXY, in upper or lower case
// (read by proxy-from-env), for REST and the realtime stream alike, through an HTTP
// CONNECT tunnel. NODE_EXTRA_CA_CERTS needs nothing here: Node adds those certificates
// to its default list at start-up, and every connection below uses that list.
import type { Agent } from 'node:http'
import { HttpsProxyAgent } from 'https-proxy-agent'
import { getProxyForUrl } from 'proxy-from-env'
import type { SocketRouter } from '../core/realtime'
import { err, ok, type Result } from '../core/result'
import type { ServerUrl } from '../core/server-url'
import { describeProxy } from '../net/proxy-address'

export interface EnvironmentRoute {
  /** For the REST client; undefined leaves it its own direct agents. */
  restAgent: Agent | undefined
  /** For the realtime listener; undefined connects directly. */
  socketRoute: SocketRouter | undefined
  /** One line for the log, without the proxy's password. */
  description: string
}

/** The proxy the environment names for this http(s) URL, null to go directly, or why it cannot be used. */
export function proxyFromEnvironment(url: string): Result<string | null, string> {
  const proxy = getProxyForUrl(url)
  if (proxy === '') return ok(null)
  let parsed: URL
  try {
    parsed = new URL(proxy)
  } catch {
    return err('The proxy in HTTPS_PROXY / HTTP_PROXY / ALL_PROXY is not a valid URL.')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return err(
      `The proxy ${parsed.protocol}//${parsed.host} is not supported: use an http:// or https:// proxy.`,
    )
  }
  return ok(proxy)
}

export function environmentRoute(server: ServerUrl): Result<EnvironmentRoute, string> {
  // The stream's wss:// URL has the server's host and scheme family, so one answer serves both.
  const proxy = proxyFromEnvironment(server.base)
  if (!proxy.ok) return proxy
  const extraCertificates = process.env['NODE_EXTRA_CA_CERTS']
    ? ', trusting NODE_EXTRA_CA_CERTS as well as Node’s certificates'
    : ''
  if (proxy.value === null) {
    return ok({
      restAgent: undefined,
      socketRoute: undefined,
      description: `network: connecting directly${extraCertificates}`,
    })
  }
  const socketAgent = new HttpsProxyAgent(proxy.value)
  return ok({
    restAgent: new HttpsProxyAgent(proxy.value, { keepAlive: true, maxSockets: 4 }),
    socketRoute: () => Promise.resolve({ agent: socketAgent }),
    description: `network: connecting through the proxy ${describeProxy(proxy.value)}${extraCertificates}`,
  })
}
