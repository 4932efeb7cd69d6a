// The administrator's policy file, call-tray.json: presets the server and other
// defaults, and can lock settings so agents cannot change them. Looked for in the
// system-wide configuration folder, then beside the executable; the first file that
// is valid applies. A broken file is logged and ignored: the app must start anyway.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { err, ok, type Result } from '../core/result'
import { parseServerUrl } from '../core/server-url'
import type { Logger } from '../session/session-types'
import type { SettingKey, Settings } from './settings-types'
import { pollFloorSchema, SETTING_KEYS } from './settings-schema'

export const POLICY_FILE_NAME = 'call-tray.json'
const MAX_POLICY_BYTES = 64 * 1024

export interface PolicyDefaults {
  notifyOutgoingCalls?: boolean
  ringtone?: Partial<Settings['ringtone']>
  startAtLogin?: boolean
  pollFloorSeconds?: number
}

export interface AdminPolicy {
  /** The file the policy came from, for the log and the settings view. */
  source: string
  /** Normalized server base, or null when the policy does not preset one. */
  serverUrl: string | null
  locked: ReadonlySet<SettingKey>
  defaults: PolicyDefaults
}

// Strict: a misspelt key ("lock") must show up in the log, not silently unlock everything.
const policySchema = z
  .strictObject({
    $comment: z.string().optional(),
    serverUrl: z.string().optional(),
    locked: z.array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]])).default([]),
    defaults: z
      .strictObject({
        notifyOutgoingCalls: z.boolean(),
        ringtone: z
          .strictObject({ enabled: z.boolean(), volume: z.number().min(0).max(1) })
          .partial(),
        startAtLogin: z.boolean(),
        pollFloorSeconds: pollFloorSchema,
      })
      .partial()
      .default({}),
  })
  .refine((policy) => !policy.locked.includes('serverUrl') || policy.serverUrl !== undefined, {
    message: '"serverUrl" is locked, so the policy must also give "serverUrl"',
    path: ['locked'],
  })

export function parseAdminPolicy(text: string, source: string): Result<AdminPolicy, string> {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return err(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  const parsed = policySchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return err(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`)
  }
  const { serverUrl, locked, defaults } = parsed.data
  let base: string | null = null
  if (serverUrl !== undefined) {
    const server = parseServerUrl(serverUrl)
    if (!server.ok) return err(`serverUrl: ${server.error}`)
    base = server.value.base
  }
  return ok({ source, serverUrl: base, locked: new Set(locked), defaults })
}

export interface PolicyLocation {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** `app.getPath('exe')`. */
  exePath: string
}

/** Where an administrator may put call-tray.json, most authoritative first. */
export function adminPolicyPaths({ platform, env, exePath }: PolicyLocation): string[] {
  const paths = platform === 'win32' ? path.win32 : path.posix
  const beside = paths.join(paths.dirname(exePath), POLICY_FILE_NAME)
  switch (platform) {
    case 'win32':
      return [
        paths.join(env['ProgramData'] ?? 'C:\\ProgramData', 'Call Tray', POLICY_FILE_NAME),
        beside,
      ]
    case 'darwin':
      return [paths.join('/Library/Application Support/Call Tray', POLICY_FILE_NAME), beside]
    default:
      return [paths.join('/etc/call-tray', POLICY_FILE_NAME), beside]
  }
}

export interface LoadPolicyOptions {
  log: Logger
  readFile?: (filePath: string) => Buffer
}

export function loadAdminPolicy(
  candidates: readonly string[],
  options: LoadPolicyOptions,
): AdminPolicy | null {
  const readFile = options.readFile ?? ((filePath: string) => readFileSync(filePath))
  for (const candidate of candidates) {
    let bytes: Buffer
    try {
      bytes = readFile(candidate)
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        options.log.warn(
          `Admin policy ${candidate} cannot be read (${String(code ?? error)}); ignored.`,
        )
      }
      continue
    }
    if (bytes.length > MAX_POLICY_BYTES) {
      options.log.warn(
        `Admin policy ${candidate} is larger than ${MAX_POLICY_BYTES} bytes; ignored.`,
      )
      continue
    }
    const policy = parseAdminPolicy(bytes.toString('utf8'), candidate)
    if (!policy.ok) {
      options.log.warn(`Admin policy ${candidate} is broken (${policy.error}); ignored.`)
      continue
    }
    const locked = [...policy.value.locked].join(', ') || 'nothing'
    options.log.info(`Admin policy ${candidate} applies; locked: ${locked}.`)
    return policy.value
  }
  return null
}
