// An error nobody caught must not take the tray app down: an agent with no app misses
// every call until they notice. Node would exit on an uncaught exception and Electron
// would show a modal error box; instead the error goes to the log and the app goes on.
// Every timer of the engine catches its own failures, so what lands here is a bug in
// glue code, and the next poll or signal runs as usual.
import { describeError, type Logger } from './logger'

export interface ProcessErrorEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

export function logUncaughtErrors(target: ProcessErrorEvents, logger: Logger): void {
  target.on('uncaughtException', (error) => {
    logger.error(`Uncaught error (the app keeps running): ${describeWithStack(error)}`)
  })
  target.on('unhandledRejection', (reason) => {
    logger.error(`Unhandled rejection (the app keeps running): ${describeWithStack(reason)}`)
  })
}

/** The message and where it was thrown: enough to find the bug, nothing attached to the error. */
function describeWithStack(error: unknown): string {
  if (!(error instanceof Error) || !error.stack) return describeError(error)
  const frames = error.stack
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
  return [describeError(error), ...frames].join(' | ')
}
