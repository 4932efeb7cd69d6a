// The log file: electron-log's file transport (its Node build, so this runs without
// Electron), in the platform's logs folder, rotated at a size cap into `main.old.log`.
// Lines are UTC ISO times, readable by the agent's IT and grep alike, and pass through
// safeLogText (secrets redacted, control characters escaped) on their way to every
// transport. Readable by the user only.
import { chmodSync } from 'node:fs'
import path from 'node:path'
import electronLog from 'electron-log/node'
import { describeError, type Logger } from '../app/logger'
import { safeLogText } from './log-text'

export const LOG_FILE_NAME = 'main.log'
/** Where electron-log's rotation moves the full file (its default archiveLogFn). */
export const ROTATED_LOG_FILE_NAME = 'main.old.log'
/** With the one rotated file, at most twice this on disk. */
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024

export interface FileLoggerOptions {
  directory: string
  maxBytes?: number
  /** Also to the console (a terminal start); the file gets every line regardless. */
  console?: boolean
}

export interface FileLogger extends Logger {
  readonly file: string
}

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = path.join(options.directory, LOG_FILE_NAME)
  const log = electronLog.create({ logId: `call-tray:${file}` })
  log.transports.file.resolvePathFn = () => file
  log.transports.file.maxSize = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES
  log.transports.file.format = '{iso} {level} {text}'
  log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' }
  log.transports.console.level = options.console === false ? false : 'info'
  log.transports.console.format = '{iso} {level} {text}'
  const rotated = path.join(options.directory, ROTATED_LOG_FILE_NAME)
  const unprotected = [file, rotated].flatMap(restrictToUser)
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) =>
      safeLogText(typeof part === 'string' ? part : String(part)),
    ),
  }))
  for (const problem of unprotected) log.warn(problem)
  return {
    file,
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
  }
}

/**
 * The file mode above applies only to files the transport creates: a log (or its
 * rotated copy) left by an older version or another tool keeps whatever mode it had.
 * Returns what could not be done, to be logged once the logger exists.
 */
function restrictToUser(file: string): string[] {
  try {
    chmodSync(file, 0o600)
    return []
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    return [`The log file ${file} could not be made private: ${describeError(error)}`]
  }
}
