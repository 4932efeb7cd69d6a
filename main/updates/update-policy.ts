// What the administrator's policy lets the updater do (main/policy/update-policy.ts
// reads it from the effective policy).

export interface UpdatePolicy {
  enabled: boolean
  /** The generic feed (a folder on any HTTPS server with latest.yml and the installers). */
  feedUrl: string | null
  /** A channel other than `latest` (e.g. `beta`): its `<channel>.yml` is read instead. */
  channel: string | null
  /** An update is installed only once it has been published this long. */
  deferHours: number
}
