// What the updater is allowed to do, from the effective policy.
import type { UpdatePolicy } from '../updates/update-policy'
import type { EffectivePolicy } from './resolve-policy'

/**
 * Null (no policy could be read) gives the defaults, whose missing feed means no
 * update checks: an unreadable policy never points the updater anywhere.
 */
export function updatePolicy(policy: EffectivePolicy | null): UpdatePolicy {
  const updates = policy?.values.updates ?? {}
  return {
    enabled: updates.enabled ?? true,
    feedUrl: updates.feedUrl ?? null,
    channel: updates.channel ?? null,
    deferHours: updates.deferHours ?? 0,
  }
}
