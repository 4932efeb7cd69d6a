// A fetch implementation reports a failed exchange in its own words: Electron's
// net.fetch rejects with Chromium's `net::ERR_*` names, Node's fetch with a
// TypeError whose cause carries the socket's code. main/core/http-errors.ts
// understands Node's codes, so both are translated to those here, once.

/** An Error with the Node-style `code` that http-errors.ts classifies. */
export type CodedError = Error & { code?: string }

const CHROMIUM_TO_NODE: Record<string, string> = {
  ERR_CONNECTION_REFUSED: 'ECONNREFUSED',
  ERR_NAME_NOT_RESOLVED: 'ENOTFOUND',
  ERR_NAME_RESOLUTION_FAILED: 'EAI_AGAIN',
  ERR_CONNECTION_RESET: 'ECONNRESET',
  ERR_CONNECTION_CLOSED: 'ECONNRESET',
  ERR_CONNECTION_ABORTED: 'ECONNRESET',
  ERR_EMPTY_RESPONSE: 'ECONNRESET',
  ERR_NETWORK_CHANGED: 'ECONNRESET',
  ERR_ADDRESS_UNREACHABLE: 'EHOSTUNREACH',
  ERR_INTERNET_DISCONNECTED: 'ENETDOWN',
  ERR_CONNECTION_TIMED_OUT: 'ETIMEDOUT',
  ERR_TIMED_OUT: 'ETIMEDOUT',
  ERR_CERT_COMMON_NAME_INVALID: 'ERR_TLS_CERT_ALTNAME_INVALID',
  ERR_CERT_DATE_INVALID: 'CERT_HAS_EXPIRED',
  ERR_CERT_AUTHORITY_INVALID: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
}

/** Chromium failures with no Node equivalent, in words an IT admin recognises. */
const CHROMIUM_CAUSES: Record<string, string> = {
  ERR_PROXY_CONNECTION_FAILED: 'the proxy server could not be reached',
  ERR_TUNNEL_CONNECTION_FAILED: 'the proxy server refused to connect to the server',
  ERR_PROXY_AUTH_UNSUPPORTED: 'the proxy server asked for a sign-in Call Tray cannot give',
  ERR_PROXY_CERTIFICATE_INVALID: "the proxy server's certificate was not accepted",
}

/** Node's fetch (undici) names some failures its own way. */
const UNDICI_TO_NODE: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
}

// Electron's ClientRequest gives up on a redirect in 'manual' mode with this message,
// without the target: the client refuses redirects so X-Auth-Token stays put.
const REDIRECT_CANCELLED = /^Redirect was cancelled/i
const REDIRECT_CAUSE =
  'the server answered with a redirect (check the address: https://, and any sub-path such as /chat)'

/**
 * The error to hand axios instead of what fetch threw. Aborts are passed through
 * untouched: axios recognises its own timeout and cancel signals.
 */
export function normalizeFetchError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name === 'AbortError') return error
  const chromium = /^net::(ERR_[A-Z0-9_]+)/.exec(error.message)?.[1]
  if (chromium) return fromChromium(chromium)
  if (REDIRECT_CANCELLED.test(error.message)) return coded(REDIRECT_CAUSE, undefined)
  const cause = (error as { cause?: unknown }).cause
  const causeCode = codeOf(cause)
  // Node's fetch hides the socket's code behind `TypeError: fetch failed`.
  if (error instanceof TypeError && causeCode) {
    const message = cause instanceof Error && cause.message ? cause.message : error.message
    return coded(message, UNDICI_TO_NODE[causeCode] ?? causeCode)
  }
  return error
}

function fromChromium(name: string): CodedError {
  const node = CHROMIUM_TO_NODE[name]
  if (node) return coded(`net::${name}`, node)
  const cause = CHROMIUM_CAUSES[name]
  if (cause) return coded(cause, undefined)
  // ERR_CERT_REVOKED and friends: keep the name, in the TLS family http-errors.ts knows.
  if (name.startsWith('ERR_CERT_')) return coded(`net::${name}`, name.replace(/^ERR_/, 'ERR_TLS_'))
  return coded(`net::${name}`, name)
}

function coded(message: string, code: string | undefined): CodedError {
  const error: CodedError = new Error(message)
  if (code) error.code = code
  return error
}

function codeOf(value: unknown): string | undefined {
  const code = (value as { code?: unknown } | null | undefined)?.code
  return typeof code === 'string' && code !== '' ? code : undefined
}
