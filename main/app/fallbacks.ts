// What stands in for an adapter that could not be created (no tray on this desktop,
// no notification service): the rest of the app keeps working without it.
import { describeError, type Logger } from './logger'
import type { Attention, Ringtone } from '../alerting/ports'
import type { Notifier } from './ports'

export function createOr<T>(logger: Logger, what: string, create: () => T, fallback: T): T {
  try {
    return create()
  } catch (error) {
    logger.error(`${what} is unavailable: ${describeError(error)}`)
    return fallback
  }
}

export const silentNotifier: Notifier = { show() {}, close() {}, closeAll() {} }
export const silentRingtone: Ringtone = {
  start() {},
  stop() {},
  listOutputs: async () => [],
  playFor: async () => null,
}
export const noAttention: Attention = { flash() {}, showOnTop() {}, calm() {} }
