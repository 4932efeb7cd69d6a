// login, logout and me, with the bodies of Rocket.Chat's ApiClass `_initAuth`: up to 8.x,
// login success and failure keep the old Restivus `status` field next to the newer
// `success`; `legacy401` gives the older server's bodies without `success`. From 9.0
// (`applyBreakingChanges`) every failed login, a missing 2FA code included, is the bare
// `API.v1.unauthorized()` body: the REST answer no longer says that a code is needed (the
// DDP `login` method still does, see ddp-session.ts).

import type { UserDirectory } from './auth'
import { appliesBreakingChanges, type RouteDef } from './api'
import { reply } from './reply'
import type { SimUser } from './types'
import { DEFAULT_ROLES } from './voice-access'

export interface AuthRouteOptions {
  legacy: boolean
  serverVersion: string
}

export function authRoutes(users: UserDirectory, opts: AuthRouteOptions): RouteDef[] {
  const { legacy } = opts
  const bareFailures = appliesBreakingChanges(opts.serverVersion)
  const logout = (user: SimUser, token: string) => {
    users.revoke(user, token)
    return reply(200, { status: 'success', data: { message: "You've been logged out!" } })
  }
  return [
    {
      method: 'POST',
      name: 'login',
      auth: false,
      handle: ({ body, headers }) => {
        const code = headers['x-2fa-code']
        const outcome = users.login(body, Array.isArray(code) ? code[0] : code)
        if (!outcome.ok && bareFailures) {
          return reply(401, { success: false, error: 'unauthorized' })
        }
        if (!outcome.ok) {
          const { error, details, message } = outcome
          const failure = { status: 'error', error, ...(details && { details }), message }
          return reply(401, legacy ? failure : { success: false, ...failure })
        }
        const data = {
          userId: outcome.user.id,
          authToken: outcome.token,
          me: profile(outcome.user),
        }
        return reply(
          200,
          legacy ? { status: 'success', data } : { status: 'success', data, success: true },
        )
      },
    },
    {
      method: 'POST',
      name: 'logout',
      auth: true,
      handle: ({ user, token }) => logout(user, token),
    },
    // Restivus still answers the deprecated GET logout.
    { method: 'GET', name: 'logout', auth: true, handle: ({ user, token }) => logout(user, token) },
    {
      method: 'GET',
      name: 'me',
      auth: true,
      handle: ({ user }) => reply(200, { ...profile(user), success: true }),
    },
  ]
}

function profile(user: SimUser) {
  return {
    _id: user.id,
    username: user.username,
    name: user.name,
    status: 'online',
    active: true,
    roles: [...(user.roles ?? DEFAULT_ROLES)],
  }
}
