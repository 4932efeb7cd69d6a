// What the administrator's policy says about updates. The policy module provides the
// value; until it does, main/index.ts passes NO_UPDATE_POLICY.

export interface UpdatePolicy {
  enabled: boolean
  /** The generic feed (a folder on any HTTPS server with latest.yml and the installers). */
  feedUrl: string | null
  /** A channel other than `latest` (e.g. `beta`): its `<channel>.yml` is read instead. */
  channel: string | null
  /** An update is installed only once it has been published this long. */
  deferHours: number
}

/** No feed, so no update checks: nothing phones home until an administrator names one. */
export const NO_UPDATE_POLICY: UpdatePolicy = {
  enabled: true,
  feedUrl: null,
  channel: null,
  deferHours: 0,
}
