// Sleep and wake. Suspend pauses polling (no request can succeed, and a backlog of
// failures would only back off the first poll after wake); resume polls at once.
// Locking the screen is deliberately not watched: agents lock their screens between
// calls and must still be rung.
import type { PowerMonitor } from 'electron'

export interface PowerHandlers {
  suspend(): void
  resume(): void
}

export function watchPowerEvents(
  monitor: Pick<PowerMonitor, 'on' | 'removeListener'>,
  handlers: PowerHandlers,
): () => void {
  const suspend = () => handlers.suspend()
  const resume = () => handlers.resume()
  monitor.on('suspend', suspend)
  monitor.on('resume', resume)
  return () => {
    monitor.removeListener('suspend', suspend)
    monitor.removeListener('resume', resume)
  }
}
