// Who may make and take voice calls, as Rocket.Chat decides it: the license must hold the
// `teams-voip` module and the user's roles must hold `allow-internal-voice-calls` (calls
// between users) or `allow-external-voice-calls` (SIP) (apps/meteor/client/providers/
// MediaCallProvider.tsx; ee/packages/media-calls parseCallContacts). Permissions are
// documents with `_updatedAt`, so `permissions.listAll?updatedSince=` can list changes only.

import type { SimUser } from './types'

export const INTERNAL_CALLS = 'allow-internal-voice-calls'
export const EXTERNAL_CALLS = 'allow-external-voice-calls'
export const DEFAULT_ROLES = ['user']
export const DEFAULT_LICENSE_MODULES = [
  'teams-voip',
  'omnichannel-mobile-enterprise',
  'livechat-enterprise',
]

/** Rocket.Chat's IPermission (Dates become ISO strings in JSON). */
export interface Permission {
  _id: string
  _updatedAt: Date
  roles: string[]
  group?: string
  level?: string
}

/** The media-calls thrown error, `CallRejectedError('forbidden')`: the call is never created. */
export class CallRejectedError extends Error {
  constructor(readonly reason: 'forbidden' | 'invalid-call-service') {
    super(`simulator: call rejected (${reason})`)
    this.name = 'CallRejectedError'
  }
}

export class PermissionStore {
  private readonly permissions = new Map<string, Permission>()

  constructor(now: number) {
    const seed = (id: string, roles: string[]) =>
      this.permissions.set(id, { _id: id, _updatedAt: new Date(now), roles })
    seed(INTERNAL_CALLS, ['admin', 'user'])
    seed(EXTERNAL_CALLS, ['admin', 'user'])
    seed('view-privileged-setting', ['admin'])
    seed('api-bypass-rate-limit', ['admin', 'bot', 'app'])
  }

  setRoles(id: string, roles: string[], now: number): void {
    this.permissions.set(id, { _id: id, _updatedAt: new Date(now), roles: [...roles] })
  }

  /** Every permission, or those changed after `since`. */
  list(since?: Date): Permission[] {
    return [...this.permissions.values()]
      .filter((p) => !since || p._updatedAt.getTime() > since.getTime())
      .map((p) => structuredClone(p))
  }

  userHas(user: SimUser, id: string): boolean {
    const roles = user.roles ?? DEFAULT_ROLES
    return this.permissions.get(id)?.roles.some((role) => roles.includes(role)) ?? false
  }
}
