// Start at login follows the setting (which an administrator may preset): the
// operating system is changed only when it disagrees.
import { describeError, type Logger } from './logger'
import type { Autostart } from './ports'

export async function syncAutostart(
  autostart: Autostart,
  enabled: boolean,
  logger: Logger,
): Promise<void> {
  try {
    if ((await autostart.isEnabled()) !== enabled) await autostart.setEnabled(enabled)
  } catch (error) {
    logger.error(`Changing start at login failed: ${describeError(error)}`)
  }
}
