// The sentences for an "online" that is worth a word (see OnlineNotice), written once.
import type { ConnectionStatus } from '../../common/calls'

export const RECONCILE_SLOWED: ConnectionStatus = {
  state: 'online',
  notice: 'reconcile-slowed',
  detail: 'Calls arrive over the live connection; the server is slowing down other checks for now.',
}

/** Polling is the only channel and the budget is shared: how late a call may show, and the fix. */
export function sharedPollingStatus(spacingMs: number): ConnectionStatus {
  return {
    state: 'online',
    notice: 'polling-shared',
    detail:
      `Polling only: desks on this network share the server's request limit, so a call can ` +
      `show up to ${latenessText(spacingMs)} late. Allowing WebSocket connections to the ` +
      `server (through the proxy) fixes this.`,
  }
}

/** Coarse on purpose: a status that changed with every poll's jitter would be noise. */
function latenessText(ms: number): string {
  if (ms < 90_000) return `${Math.max(10, Math.round(ms / 10_000) * 10)} s`
  return `${Math.round(ms / 60_000)} min`
}
