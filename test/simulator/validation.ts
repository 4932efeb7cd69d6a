// Request validation with the messages Rocket.Chat's ajv schemas produce. A real server
// validates typed routes' query and body BEFORE authentication and rate limiting, and
// answers 400 `{success:false, errorType:'error-invalid-params', error}`.

import { isRecord } from './auth'
import { reply, type Reply } from './reply'

export type QueryParams = Record<string, string | string[]>

/** Parses like `qs`: a repeated key becomes an array. */
export function parseQuery(search: URLSearchParams): QueryParams {
  const query: QueryParams = {}
  for (const [key, value] of search) {
    const existing = query[key]
    query[key] = existing === undefined ? value : [...[existing].flat(), value]
  }
  return query
}

export function invalidParams(error: string): Reply {
  return reply(400, { success: false, errorType: 'error-invalid-params', error })
}

export interface Shape {
  required?: string[]
  optional?: string[]
  /** Allowed values per property; every value of an array property must be allowed. */
  enums?: Record<string, readonly string[]>
  /** Properties that may repeat (arrive as arrays). */
  arrays?: string[]
}

/** Checks an object against a closed shape; returns the ajv-style error, if any. */
export function checkShape(value: unknown, shape: Shape): string | undefined {
  if (!isRecord(value)) return 'must be object'
  const known = new Set([...(shape.required ?? []), ...(shape.optional ?? [])])
  const missing = shape.required?.find((key) => value[key] === undefined)
  if (missing) return `must have required property '${missing}'`
  if (Object.keys(value).some((key) => !known.has(key)))
    return 'must NOT have additional properties'
  for (const key of known) {
    const v = value[key]
    if (v === undefined) continue
    const values = Array.isArray(v) && shape.arrays?.includes(key) ? v : [v]
    if (values.some((item) => typeof item !== 'string')) return `/${key} must be string`
    const allowed = shape.enums?.[key]
    if (allowed && values.some((item) => !allowed.includes(item as string))) {
      return `/${key} must be equal to one of the allowed values`
    }
  }
  return undefined
}

/** Query numbers arrive as strings; ajv coerces them, so only non-numbers fail. */
export function checkNumbers(query: QueryParams, keys: string[]): string | undefined {
  const bad = keys.find((k) => query[k] !== undefined && !/^\d+$/.test(String(query[k])))
  return bad ? `/${bad} must be number` : undefined
}
