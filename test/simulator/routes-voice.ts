// What a client asks to learn whether this user can receive voice calls at all:
// licenses.info (apps/meteor/ee/server/api/licenses.ts: login only, no raw license without
// view-privileged-setting), permissions.listAll (apps/meteor/app/api/server/v1/permissions.ts)
// and, on 7.x only, the public setting VoIP_TeamCollab_Enabled (settings.public, no login).

import type { RouteDef } from './api'
import { reply } from './reply'
import { checkNumbers, checkShape } from './validation'
import type { PermissionStore } from './voice-access'

export const TEAM_COLLAB_SETTING = 'VoIP_TeamCollab_Enabled'

const LIMIT_KINDS = [
  'activeUsers',
  'guestUsers',
  'roomsPerGuest',
  'privateApps',
  'marketplaceApps',
  'monthlyActiveContacts',
] as const

export interface VoiceRouteDeps {
  permissions: PermissionStore
  licenseModules: string[]
  /** The 7.x setting's value, or undefined on 8.x where it was removed. */
  teamCollabVoip: boolean | undefined
}

export function voiceRoutes(deps: VoiceRouteDeps): RouteDef[] {
  return [
    {
      method: 'GET',
      name: 'licenses.info',
      auth: true,
      validate: (query) => checkShape(query, { optional: ['loadValues'] }),
      handle: () => reply(200, { license: licenseInfo(deps.licenseModules), success: true }),
    },
    {
      method: 'GET',
      name: 'permissions.listAll',
      auth: true,
      validate: (query) => checkShape(query, { optional: ['updatedSince'] }),
      handle: ({ query }) => {
        const since = typeof query.updatedSince === 'string' ? query.updatedSince : ''
        if (since && Number.isNaN(Date.parse(since))) {
          return reply(400, {
            success: false,
            error:
              'The "updatedSince" query parameter must be a valid date. [error-roomId-param-invalid]',
            errorType: 'error-roomId-param-invalid',
          })
        }
        const update = deps.permissions.list(since ? new Date(since) : undefined)
        return reply(200, { update, remove: [], success: true })
      },
    },
    {
      method: 'GET',
      name: 'settings.public',
      auth: false,
      validate: (query) =>
        checkShape(query, { optional: ['_id', 'query', 'count', 'offset', 'sort', 'fields'] }) ??
        checkNumbers(query, ['count', 'offset']),
      handle: ({ query }) => {
        const ids = typeof query._id === 'string' ? query._id.split(',') : undefined
        const settings = publicSettings(deps).filter((s) => !ids || ids.includes(s._id))
        const offset = Number(query.offset ?? 0)
        const page = settings.slice(offset, offset + Number(query.count ?? 50))
        return reply(200, {
          settings: page,
          count: page.length,
          offset,
          total: settings.length,
          success: true,
        })
      },
    },
  ]
}

function licenseInfo(modules: string[]) {
  return {
    activeModules: [...modules],
    externalModules: [],
    preventedActions: Object.fromEntries(LIMIT_KINDS.map((kind) => [kind, false])),
    limits: {},
    tags: modules.length > 0 ? [{ name: 'Enterprise', color: '#7f1b9f' }] : [],
    trial: false,
    hasValidLicense: modules.length > 0,
  }
}

/** fetchSettings' projection: _id, value, enterprise, invalidValue, modules. */
function publicSettings(deps: VoiceRouteDeps) {
  if (deps.teamCollabVoip === undefined) return []
  const licensed = deps.licenseModules.includes('teams-voip')
  return [
    {
      _id: TEAM_COLLAB_SETTING,
      // An enterprise setting reads as its invalidValue while the module is not licensed.
      value: licensed && deps.teamCollabVoip,
      enterprise: true,
      invalidValue: false,
      modules: ['teams-voip'],
    },
  ]
}
