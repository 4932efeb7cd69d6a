// Makes settings.json safe to open before electron-store reads it: a file that is
// not valid JSON, has wrong types or comes from a newer version is moved aside as
// `settings.json.corrupt-<timestamp>` (never deleted: the agent or IT may want it),
// and an older file is migrated in place. electron-store would otherwise throw on
// open, or with `clearInvalidConfig` silently wipe the file. A moved-aside file still
// holds the encrypted token, so it is readable by the agent's account only.
import { chmodSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Logger } from '../session/session-types'
import { migrateSettingsDocument } from './settings-migrations'
import { settingsDocumentSchema } from './settings-schema'

export type PreparedFile =
  | 'missing'
  | 'current'
  | 'migrated'
  /** Moved aside as corrupt; the app starts from defaults. */
  | 'reset'
  /** Could not be read at all (permissions); left alone. */
  | 'unreadable'

export interface PrepareOptions {
  now: () => number
  log: Logger
}

export function prepareSettingsFile(filePath: string, options: PrepareOptions): PreparedFile {
  restrictEarlierBackups(filePath, options)
  let text: string
  try {
    text = readFileSync(filePath, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing'
    options.log.warn(`Settings file ${filePath} cannot be read (${errorMessage(error)}).`)
    return 'unreadable'
  }
  const checked = checkDocument(text)
  if (typeof checked === 'string') {
    moveAsideAsCorrupt(filePath, checked, options)
    return 'reset'
  }
  if (checked.from === null) return 'current'
  try {
    writeAtomically(filePath, `${JSON.stringify(checked.document, null, '\t')}\n`)
  } catch (error) {
    options.log.warn(`Settings file could not be upgraded (${errorMessage(error)}).`)
    return 'unreadable'
  }
  options.log.info(`Settings file upgraded from version ${checked.from}.`)
  return 'migrated'
}

/** Moves the file aside; used again if electron-store still refuses what is left. */
export function moveAsideAsCorrupt(
  filePath: string,
  reason: string,
  options: PrepareOptions,
): void {
  const stamp = new Date(options.now()).toISOString().replace(/[:.]/g, '-')
  const backup = `${filePath}.corrupt-${stamp}`
  try {
    renameSync(filePath, backup)
    restrictToUser(backup, options)
    options.log.warn(
      `Settings file was unusable (${reason}); kept it as ${backup} and started from defaults.`,
    )
  } catch (error) {
    options.log.warn(
      `Settings file was unusable (${reason}) and could not be moved aside (${errorMessage(error)}).`,
    )
  }
}

/** Backups moved aside by versions that kept the settings file's own mode (0644 at worst). */
function restrictEarlierBackups(filePath: string, options: PrepareOptions): void {
  const prefix = `${path.basename(filePath)}.corrupt-`
  let names: string[]
  try {
    names = readdirSync(path.dirname(filePath))
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith(prefix)) restrictToUser(path.join(path.dirname(filePath), name), options)
  }
}

function restrictToUser(file: string, options: PrepareOptions): void {
  try {
    chmodSync(file, 0o600)
  } catch (error) {
    options.log.warn(`Could not make ${file} readable by this user only (${errorMessage(error)}).`)
  }
}

type Checked = { document: Record<string, unknown>; from: number | null } | string

/** The document to keep (with the version it was migrated from), or why it is corrupt. */
function checkDocument(text: string): Checked {
  let raw: unknown
  try {
    // Notepad and friends save UTF-8 with a byte-order mark, which JSON.parse refuses.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return 'not valid JSON'
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not a JSON object'
  const migrated = migrateSettingsDocument(raw as Record<string, unknown>)
  if (!migrated.ok) return migrated.error
  const parsed = settingsDocumentSchema.safeParse(migrated.value.document)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`
  }
  const from = migrated.value.from
  return { document: migrated.value.document, from: from === parsed.data.version ? null : from }
}

function writeAtomically(filePath: string, text: string): void {
  const temporary = `${filePath}.tmp-${process.pid}`
  writeFileSync(temporary, text, { mode: 0o600 })
  renameSync(temporary, filePath)
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
