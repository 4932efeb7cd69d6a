// Chromium answers "which proxy for this URL?" (session.resolveProxy) in PAC syntax:
// `DIRECT`, `PROXY host:port; DIRECT`, `HTTPS host:port`, `SOCKS5 host:port`, … in order
// of preference. The realtime socket can go directly or through an HTTP(S) proxy's
// CONNECT tunnel, so SOCKS and QUIC entries are passed over for the next one.

export type ProxyChoice =
  | { kind: 'direct' }
  /** `http://host:port` or `https://host:port`, never with credentials (PAC answers carry none). */
  | { kind: 'proxy'; url: string }
  | { kind: 'unusable'; reason: string }

const PROXY_SCHEMES: Record<string, 'http' | 'https'> = { PROXY: 'http', HTTPS: 'https' }

export function chooseProxy(answer: string): ProxyChoice {
  const entries = answer
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  // PAC's own rule: no answer at all means DIRECT.
  if (entries.length === 0) return { kind: 'direct' }
  for (const entry of entries) {
    const [keyword = '', address = '', ...rest] = entry.split(/\s+/)
    const type = keyword.toUpperCase()
    if (type === 'DIRECT' && address === '') return { kind: 'direct' }
    const scheme = PROXY_SCHEMES[type]
    const url = scheme && rest.length === 0 ? proxyUrl(scheme, address) : null
    if (url) return { kind: 'proxy', url }
  }
  return {
    kind: 'unusable',
    reason: `the system proxy settings offer only ${entries.join('; ')}, which the realtime stream cannot use (it needs DIRECT or an HTTP proxy)`,
  }
}

/** `host:port`, `host` or `[v6]:port` as a proxy URL; null for anything else. */
function proxyUrl(scheme: 'http' | 'https', address: string): string | null {
  if (address === '' || /[/@?#\\]/.test(address)) return null
  try {
    const url = new URL(`${scheme}://${address}`)
    return url.hostname === '' ? null : `${url.protocol}//${url.host}`
  } catch {
    return null
  }
}
