// How one HTTP answer from Rocket.Chat becomes a typed value: status codes and
// error bodies to ApiError, bodies to validated data, with a clear word for the
// answers real deployments produce (proxy pages, truncated JSON, wrong types).
import type { AxiosResponse } from 'axios'
import type { z } from 'zod'
import type { ApiError, TwoFactorMethod } from './api-errors'
import { errorBodySchema } from './api-schemas'
import { waitSecondsFromMessage, type RateBudget } from './rate-limit'
import { err, ok, type Result } from './result'

/** A proxy's 407, in the words REST and the realtime stream both report it. */
export const PROXY_SIGN_IN =
  'the proxy asked for a sign-in (HTTP 407 Proxy Authentication Required)'

export function classifyResponse(
  response: AxiosResponse<unknown>,
  budget: RateBudget | null,
  receivedAt: number,
): Result<unknown, ApiError> {
  const { status } = response
  if (status >= 200 && status < 300) return parseBody(response)
  const body = readErrorBody(response)
  if (status === 401) return err(unauthorizedError(body))
  if (status === 429) {
    const waitSeconds = waitSecondsFromMessage(body?.error ?? body?.message)
    const resetAt = budget?.resetAt ?? receivedAt + (waitSeconds ?? 60) * 1000
    return err({ kind: 'rate-limited', resetAt })
  }
  if (status === 404) return err({ kind: 'not-supported' })
  // A tunnelling agent hands the proxy's refusal of CONNECT on as the answer: it is not the server's.
  if (status === 407) return err({ kind: 'network', cause: PROXY_SIGN_IN })
  if (status >= 300 && status < 400) {
    const location = String(response.headers['location'] ?? 'elsewhere')
    return err({
      kind: 'invalid-response',
      detail: `the server redirected to ${location}. Check the server address.`,
    })
  }
  if (status >= 500) return err({ kind: 'server-error', status })
  return err({ kind: 'rejected', status, code: body?.error ?? body?.errorType ?? `HTTP ${status}` })
}

function unauthorizedError(body: z.infer<typeof errorBodySchema> | null): ApiError {
  const challenge = twoFactorChallenge(body)
  if (challenge) {
    return {
      kind: 'two-factor-required',
      method: twoFactorMethod(body?.details?.method ?? challenge.method),
      invalidCode: challenge.invalid,
    }
  }
  const message = body?.message ?? body?.error ?? 'Unauthorized'
  return { kind: 'unauthorized', message, ...(saysNoMore(body) && { bare: true as const }) }
}

/** Rocket.Chat 9.0's `API.v1.unauthorized()`: `error` alone, without a message or details. */
function saysNoMore(body: z.infer<typeof errorBodySchema> | null): boolean {
  return (
    body !== null &&
    body.message === undefined &&
    body.details === undefined &&
    body.errorType === undefined &&
    (body.error ?? 'unauthorized') === 'unauthorized'
  )
}

/**
 * Rocket.Chat 9.0 may drop `error: 'totp-required'` and its `details` from the login 401;
 * the code is then still asked for when the words of the answer say two-factor.
 */
function twoFactorChallenge(
  body: z.infer<typeof errorBodySchema> | null,
): { invalid: boolean; method?: string } | null {
  const code = body?.errorType ?? body?.error
  if (code === 'totp-required' || code === 'totp-invalid') {
    return { invalid: code === 'totp-invalid' }
  }
  const text = [body?.errorType, body?.error, body?.message].filter(Boolean).join(' ')
  if (!/totp|two[- ]?factor|\b2fa\b/i.test(text)) return null
  return {
    invalid: /invalid|wrong|incorrect/i.test(text),
    ...(/e-?mail/i.test(text) ? { method: 'email' } : {}),
  }
}

export function twoFactorMethod(method: string | undefined): TwoFactorMethod {
  return method === 'email' || method === 'password' ? method : 'totp'
}

function parseBody(response: AxiosResponse<unknown>): Result<unknown, ApiError> {
  const text = typeof response.data === 'string' ? response.data : ''
  const contentType = String(response.headers['content-type'] ?? '')
  if (/text\/html/i.test(contentType) || /^\s*</.test(text)) {
    return err({
      kind: 'invalid-response',
      detail:
        'a web page came back instead of data (often a proxy, firewall or sign-in portal in the way).',
    })
  }
  try {
    return ok(JSON.parse(text) as unknown)
  } catch {
    const detail =
      text.trim() === ''
        ? 'the answer was empty.'
        : 'the answer was not valid JSON (it may have been cut off).'
    return err({ kind: 'invalid-response', detail })
  }
}

function readErrorBody(response: AxiosResponse<unknown>): z.infer<typeof errorBodySchema> | null {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(String(response.data)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  body: unknown,
): Result<z.output<S>, ApiError> {
  const parsed = schema.safeParse(body)
  return parsed.success
    ? ok(parsed.data)
    : err({
        kind: 'invalid-response',
        detail: `unexpected data (${describeIssues(parsed.error)}).`,
      })
}

export function mapResult<T>(
  result: Result<unknown, ApiError>,
  next: (body: unknown) => Result<T, ApiError>,
): Result<T, ApiError> {
  return result.ok ? next(result.value) : result
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ')
}
