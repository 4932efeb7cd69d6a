// Windows: HKLM\SOFTWARE\Policies\Call Tray, then HKCU\SOFTWARE\Policies\Call Tray.
// Only Group Policy (or an administrator) writes under SOFTWARE\Policies. Read with
// reg.exe, so no native module has to be built. Each group of the model is a subkey
// (`updates`, `ringtone`), each policy a value named as in the JSON form.
import { execFile } from 'node:child_process'
import path from 'node:path'
import { err, ok, type Result } from '../core/result'
import { POLICY_FIELDS, type PolicyField } from './policy-schema'
import type { PolicySource } from './resolve-policy'

export const POLICY_KEY_PATH = 'SOFTWARE\\Policies\\Call Tray'
export const WINDOWS_POLICY_KEYS = [`HKLM\\${POLICY_KEY_PATH}`, `HKCU\\${POLICY_KEY_PATH}`]

export interface RegQueryOutput {
  /** reg.exe's exit code: 0 when the key was listed, 1 when it does not exist. */
  code: number
  stdout: string
}

/** Runs `reg query <key> /s`. */
export type RegQuery = (key: string) => Promise<RegQueryOutput>

export interface RegistryValue {
  name: string
  type: string
  data: string
}

export interface RegistryKey {
  /** Below the queried key: [] for the key itself, ['updates'] for a subkey. */
  path: string[]
  values: RegistryValue[]
}

// "    <name>    <REG_TYPE>    <data>": names and data may hold single spaces, and empty
// data ends right after the type.
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/

/** Parses `reg query <key> /s`; the first key listed is the queried one. */
export function parseRegQuery(stdout: string): Result<RegistryKey[], string> {
  const keys: RegistryKey[] = []
  let root: string | null = null
  for (const line of stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue
    if (!line.startsWith(' ')) {
      root ??= line.trim()
      const below = line.trim().slice(root.length)
      if (line.trim().toLowerCase().slice(0, root.length) !== root.toLowerCase()) {
        return err(`reg.exe listed an unexpected key: ${line.trim()}`)
      }
      keys.push({ path: below.split('\\').filter(Boolean), values: [] })
      continue
    }
    const match = VALUE_LINE.exec(line)
    const key = keys.at(-1)
    if (!match || !key) return err(`reg.exe printed a line that is not a value: ${line.trim()}`)
    const [, name = '', type = '', data = ''] = match
    // The key's unnamed default value, which reg.exe labels in the system's language.
    if (/^\(.*\)$/.test(name)) continue
    key.values.push({ name, type, data })
  }
  return ok(keys)
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

function fieldFor(keyPath: readonly string[], name: string): PolicyField | undefined {
  const full = [...keyPath, name]
  return POLICY_FIELDS.find(
    (field) =>
      field.path.length === full.length &&
      field.path.every((part, i) => sameName(part, full[i] ?? '')),
  )
}

/** What each kind of policy must be stored as. */
export const REGISTRY_TYPES: Record<PolicyField['kind'], string> = {
  boolean: 'REG_DWORD',
  integer: 'REG_DWORD',
  string: 'REG_SZ',
  list: 'REG_MULTI_SZ',
}

function convert(field: PolicyField, value: RegistryValue): Result<unknown, string> {
  const expected = REGISTRY_TYPES[field.kind]
  if (value.type !== expected) {
    return err(`${field.key} must be a ${expected}, not ${value.type}`)
  }
  switch (field.kind) {
    case 'string':
      return ok(value.data)
    case 'list':
      // reg.exe shows the strings of a REG_MULTI_SZ joined by a literal "\0".
      return ok(value.data === '' ? [] : value.data.split('\\0'))
    case 'boolean':
    case 'integer': {
      if (!/^0x[0-9a-f]{1,8}$/i.test(value.data)) {
        return err(`${field.key} is not a REG_DWORD number (${value.data})`)
      }
      const number = Number.parseInt(value.data.slice(2), 16)
      if (field.kind === 'integer') return ok(number)
      if (number !== 0 && number !== 1) return err(`${field.key} must be 0 or 1, not ${number}`)
      return ok(number === 1)
    }
  }
}

/** The registry's values as the model's object, ready for the schema to check. */
export function policyFromRegistry(keys: readonly RegistryKey[]): Result<unknown, string> {
  const policy: Record<string, unknown> = {}
  for (const key of keys) {
    for (const value of key.values) {
      const field = fieldFor(key.path, value.name)
      if (!field) return err(`unknown policy value ${[...key.path, value.name].join('\\')}`)
      const converted = convert(field, value)
      if (!converted.ok) return converted
      let node = policy
      for (const group of field.path.slice(0, -1)) {
        node[group] ??= {}
        node = node[group] as Record<string, unknown>
      }
      node[field.path[field.path.length - 1] ?? ''] = converted.value
    }
  }
  return ok(policy)
}

export function registryPolicySource(key: string, query: RegQuery): PolicySource {
  return {
    label: key,
    async read() {
      const output = await query(key)
      // Exit code 1 is reg.exe's "no such key" (its message is in the system's language).
      if (output.code === 1) return ok(null)
      if (output.code !== 0) return err(`reg.exe failed with exit code ${output.code}`)
      const keys = parseRegQuery(output.stdout)
      return keys.ok ? policyFromRegistry(keys.value) : keys
    },
  }
}

/**
 * reg.exe from the Windows folder. SystemRoot is the agent's own environment, which
 * only changes what the agent's own Call Tray reads, never another user's.
 */
export function regExeQuery(env: NodeJS.ProcessEnv): RegQuery {
  const regExe = path.win32.join(env['SystemRoot'] ?? 'C:\\Windows', 'System32', 'reg.exe')
  return (key) =>
    new Promise((resolve, reject) => {
      execFile(
        regExe,
        ['query', key, '/s'],
        { windowsHide: true, encoding: 'utf8', timeout: 10_000, maxBuffer: 1024 * 1024 },
        (error, stdout) => {
          const code = error ? (error as { code?: unknown }).code : 0
          if (typeof code === 'number') resolve({ code, stdout })
          else reject(error ?? new Error('reg.exe did not run'))
        },
      )
    })
}
