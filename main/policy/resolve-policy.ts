// Reads every place an administrator can write a policy, most authoritative first,
// and merges them key by key (the first source that sets a key wins; locks add up).
// Fails closed: a source that is there but cannot be trusted or read stops the app
// from signing in instead of quietly falling back to a lower source or the defaults,
// which a user could otherwise arrange by breaking (or racing) the system file.
import type { z } from 'zod'
import { err, type Result } from '../core/result'
import { parseServerUrl } from '../core/server-url'
import type { SettingKey } from '../settings/settings-types'
import { POLICY_FIELDS, policySchema, type PolicyValues } from './policy-schema'

export interface PolicySource {
  /** The place, as the log and `--show-policy` name it: a path or a registry key. */
  label: string
  /** ok(null) when nothing is there; err when something is there but is not usable. */
  read(): Promise<Result<unknown, string>>
}

export interface EffectivePolicy {
  values: PolicyValues
  /** Dotted policy key → the label of the source it came from. */
  origins: ReadonlyMap<string, string>
  /** Locked setting → the label of the source that locked it. */
  lockOrigins: ReadonlyMap<SettingKey, string>
}

export type PolicyResolution = { ok: true; policy: EffectivePolicy } | { ok: false; reason: string }

export interface PolicyLog {
  info(message: string): void
  error(message: string): void
}

export async function resolvePolicy(
  sources: readonly PolicySource[],
  log: PolicyLog,
): Promise<PolicyResolution> {
  const resolution = await readAndMerge(sources)
  if (!resolution.ok) {
    log.error(`Admin policy ${resolution.reason}. Call Tray will not sign in until it is fixed.`)
  } else {
    log.info(summary(resolution.policy))
  }
  return resolution
}

async function readAndMerge(sources: readonly PolicySource[]): Promise<PolicyResolution> {
  const readings: PolicyReading[] = []
  for (const source of sources) {
    let raw: Result<unknown, string>
    try {
      raw = await source.read()
    } catch (error) {
      raw = err(`cannot be read (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!raw.ok) return { ok: false, reason: `${source.label}: ${raw.error}` }
    if (raw.value !== null) readings.push({ label: source.label, raw: raw.value })
  }
  return checkAndMerge(readings)
}

export interface PolicyReading {
  label: string
  /** What the source holds, not yet checked against the model. */
  raw: unknown
}

/** Checks each source against the model, then merges them, most authoritative first. */
export function checkAndMerge(readings: readonly PolicyReading[]): PolicyResolution {
  const found: { label: string; values: PolicyValues }[] = []
  for (const { label, raw } of readings) {
    const parsed = policySchema.safeParse(raw)
    if (!parsed.success)
      return { ok: false, reason: `${label}: ${describeIssue(parsed.error.issues[0])}` }
    found.push({ label, values: parsed.data })
  }
  return merge(found)
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid'
  const where = issue.path.join('.')
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => (where ? `${where}.${key}` : key))
    return `unknown policy ${keys.join(', ')}`
  }
  return `${where || 'policy'}: ${issue.message}`
}

function merge(found: readonly { label: string; values: PolicyValues }[]): PolicyResolution {
  const values: Record<string, unknown> = {}
  const origins = new Map<string, string>()
  const lockOrigins = new Map<SettingKey, string>()
  for (const { label, values: from } of found) {
    for (const field of POLICY_FIELDS) {
      if (field.key === 'locked') continue
      const value = valueAt(from, field.path)
      if (value === undefined || origins.has(field.key)) continue
      origins.set(field.key, label)
      setAt(values, field.path, value)
    }
    for (const key of from.locked ?? []) if (!lockOrigins.has(key)) lockOrigins.set(key, label)
  }
  if (lockOrigins.size > 0) values['locked'] = [...lockOrigins.keys()]
  if (typeof values['serverUrl'] === 'string') {
    const server = parseServerUrl(values['serverUrl'])
    if (server.ok) values['serverUrl'] = server.value.base
  }
  const serverLock = lockOrigins.get('serverUrl')
  if (serverLock !== undefined && !origins.has('serverUrl')) {
    return {
      ok: false,
      reason: `${serverLock}: serverUrl is locked, but no policy gives serverUrl`,
    }
  }
  return { ok: true, policy: { values: values as PolicyValues, origins, lockOrigins } }
}

export function valueAt(values: unknown, path: readonly string[]): unknown {
  let node = values
  for (const name of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[name]
  }
  return node
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target
  for (const name of path.slice(0, -1)) {
    node[name] ??= {}
    node = node[name] as Record<string, unknown>
  }
  node[path[path.length - 1] ?? ''] = value
}

function summary({ origins, lockOrigins }: EffectivePolicy): string {
  if (origins.size === 0 && lockOrigins.size === 0) return 'No admin policy applies.'
  const sources = [...new Set([...origins.values(), ...lockOrigins.values()])]
  const locked = [...lockOrigins.keys()].join(', ') || 'nothing'
  return `Admin policy from ${sources.join(' and ')} applies: ${[...origins.keys()].join(', ') || 'no presets'}; locked: ${locked}.`
}
