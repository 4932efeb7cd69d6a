// The sentences for an "online" that is worth a word (see OnlineNotice), written once.
import type { ConnectionStatus } from '../../common/calls'
import { t } from '../../common/i18n'

export function reconcileSlowedStatus(): ConnectionStatus {
  return { state: 'online', notice: 'reconcile-slowed', detail: t('notice.reconcileSlowed') }
}

/** Polling is the only channel and the budget is shared: how late a call may show, and the fix. */
export function sharedPollingStatus(spacingMs: number): ConnectionStatus {
  return {
    state: 'online',
    notice: 'polling-shared',
    detail: t('notice.pollingShared', { late: latenessText(spacingMs) }),
  }
}

/** Coarse on purpose: a status that changed with every poll's jitter would be noise. */
function latenessText(ms: number): string {
  if (ms < 90_000)
    return t('duration.seconds', { seconds: Math.max(10, Math.round(ms / 10_000) * 10) })
  return t('duration.minutes', { minutes: Math.round(ms / 60_000) })
}
