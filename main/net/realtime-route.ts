// The desktop app's route for the realtime socket: the same one REST takes through
// net.fetch. Chromium's proxy resolution (system settings, PAC, WPAD) says where to go,
// an HTTP CONNECT tunnel (https-proxy-agent) gets there, and the operating system's
// certificates are trusted as well as Node's. Electron stays outside: index.ts hands in
// session.defaultSession.resolveProxy and node:tls.
//
// A proxy that asks for a sign-in gets none: PAC answers carry no credentials, and the
// user's proxy password lives in Chromium, out of Node's reach. The socket then fails with
// "the proxy asked for a sign-in (HTTP 407 …)", logged once; polling through net.fetch
// (which Chromium authenticates itself) carries on.
import { HttpsProxyAgent } from 'https-proxy-agent'
import type { SocketRoute, SocketRouter } from '../core/realtime'
import {
  certificateTrust,
  type CertificateSource,
  type CertificateTrust,
} from './certificate-trust'
import { chooseProxy } from './pac-answer'
import { httpFormOf } from './proxy-address'

export interface DesktopRouteDeps {
  /** Electron's session.resolveProxy: a PAC-style answer for a URL. */
  resolveProxy: (url: string) => Promise<string>
  /** node:tls in the app; read once, on the first connection. */
  certificates: CertificateSource
  log: (message: string) => void
  /** A PAC script that never answers must not hold the stream up for good. */
  resolveTimeoutMs?: number
}

const DEFAULT_RESOLVE_TIMEOUT_MS = 10_000

export function desktopSocketRouter(deps: DesktopRouteDeps): SocketRouter {
  let trust: CertificateTrust | null = null
  let lastLogged: string | null = null
  const timeoutMs = deps.resolveTimeoutMs ?? DEFAULT_RESOLVE_TIMEOUT_MS
  return async (socketUrl) => {
    const answer = await withTimeout(deps.resolveProxy(httpFormOf(socketUrl)), timeoutMs)
    const choice = chooseProxy(answer)
    if (choice.kind === 'unusable') throw new Error(choice.reason)
    trust ??= certificateTrust(deps.certificates)
    const way = choice.kind === 'direct' ? 'direct' : `through the proxy ${choice.url}`
    const line = `realtime: route: ${way}, per the system proxy settings; trusting ${trust.description}`
    // Once, and again only when the network changes the route.
    if (line !== lastLogged) deps.log(line)
    lastLogged = line
    const route: SocketRoute = trust.ca ? { ca: trust.ca } : {}
    if (choice.kind === 'proxy') {
      // The tunnel to an HTTPS proxy is TLS too, checked against the same certificates.
      route.agent = new HttpsProxyAgent(choice.url, trust.ca ? { ca: trust.ca } : {})
    }
    return route
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the system proxy settings gave no answer within ${ms / 1000} s`)),
      ms,
    )
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
