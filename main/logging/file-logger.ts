// The log file: electron-log's file transport (its Node build, so this runs without
// Electron), in the platform's logs folder, rotated at a size cap into `main.old.log`.
// Lines are UTC ISO times, readable by the agent's IT and grep alike, and pass through
// redactSecrets on their way to every transport. Readable by the user only.
import path from 'node:path'
import electronLog from 'electron-log/node'
import type { Logger } from '../app/logger'
import { redactSecrets } from './redact'

export const LOG_FILE_NAME = 'main.log'
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
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((part: unknown) =>
      redactSecrets(typeof part === 'string' ? part : String(part)),
    ),
  }))
  return {
    file,
    info: (message) => log.info(message),
    warn: (message) => log.warn(message),
    error: (message) => log.error(message),
  }
}
