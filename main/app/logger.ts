// The one logging port. Messages are written by us, never built from request or
// credential objects, so no token can reach a log (main/logging redacts on top, in
// case one ever does). The desktop app writes a rotating file (main/logging).

export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

/** What an unknown thrown value says, without its stack or any attached request data. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : 'an unknown error'
}

/**
 * Runs an adapter call so that its failure is logged and contained: a broken tray,
 * sound or notification must never stop the others (or the engine).
 */
export function guarded<T>(logger: Logger, what: string, action: () => T): T | undefined {
  try {
    const result = action()
    if (result instanceof Promise) {
      result.catch((error: unknown) => logger.error(`${what} failed: ${describeError(error)}`))
    }
    return result
  } catch (error) {
    logger.error(`${what} failed: ${describeError(error)}`)
    return undefined
  }
}
