// Turns what axios and Node report for a failed exchange into an ApiError with a
// cause an agent (or their IT admin) can act on.
import { AxiosError } from 'axios'
import type { ApiError } from './api-errors'

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
])

const NETWORK_CAUSES: Record<string, string> = {
  ENOTFOUND: 'the server name was not found',
  EAI_AGAIN: 'the server name could not be looked up',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was cut',
  EPIPE: 'the connection was cut',
  EHOSTUNREACH: 'the server is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENETDOWN: 'the network is down',
  ERR_NETWORK: 'no network connection',
}

export function classifyTransportError(error: unknown, timeoutMs: number): ApiError {
  if (!(error instanceof AxiosError)) {
    return { kind: 'network', cause: error instanceof Error ? error.message : String(error) }
  }
  const code = error.code ?? causeCode(error) ?? ''
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(error.message)) {
    return { kind: 'timeout', afterMs: timeoutMs }
  }
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL')) {
    return { kind: 'tls', cause: code }
  }
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/i.test(error.message)) {
    return {
      kind: 'invalid-response',
      detail: 'the answer was larger than any real answer could be.',
    }
  }
  const cause =
    NETWORK_CAUSES[code] ??
    (/socket hang up/i.test(error.message) ? 'the connection was cut' : error.message)
  return { kind: 'network', cause }
}

function causeCode(error: AxiosError): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause
  return typeof cause?.code === 'string' ? cause.code : undefined
}
