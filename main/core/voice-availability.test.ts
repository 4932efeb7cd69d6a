import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../test/support/app-fakes'
import type { ApiError } from './api-errors'
import { err, ok } from './result'
import type { Reply } from './rocketchat-client'
import {
  RECHECK_MIN_MS,
  RECHECK_SPREAD_MS,
  VoiceAvailabilityWatch,
  judgeVoiceAvailability,
  type PermissionChanges,
  type VoiceAccessApi,
  type VoiceAvailability,
} from './voice-availability'

const reply = <T>(value: T): Reply<T> => ({ result: ok(value), budget: null })
const failed = (error: ApiError): Reply<never> => ({ result: err(error), budget: null })
const NOT_FOUND: ApiError = { kind: 'not-supported' }
const FORBIDDEN: ApiError = { kind: 'rejected', status: 403, code: 'error-unauthorized' }

const VOICE_PERMISSIONS: PermissionChanges = {
  update: [
    {
      id: 'allow-internal-voice-calls',
      roles: ['admin', 'user'],
      updatedAt: '2026-01-01T00:00:00.000Z',
    },
    { id: 'allow-external-voice-calls', roles: ['admin'], updatedAt: '2026-01-02T00:00:00.000Z' },
    { id: 'view-logs', roles: ['admin'], updatedAt: '2026-03-01T00:00:00.000Z' },
  ],
  remove: [],
}

/** A server stand-in: each route answers what the test sets, and records what was asked. */
class FakeVoiceServer implements VoiceAccessApi {
  modules: Reply<string[]> = reply(['teams-voip', 'livechat-enterprise'])
  roles: Reply<string[] | null> = reply(['user'])
  permissions: (since: string | undefined) => Reply<PermissionChanges> = () =>
    reply(VOICE_PERMISSIONS)
  setting: Reply<unknown> = reply(undefined)
  asked: string[] = []

  async getLicenseModules() {
    this.asked.push('licenses.info')
    return this.modules
  }
  async getMyRoles() {
    this.asked.push('me')
    return this.roles
  }
  async listPermissions(updatedSince?: string) {
    this.asked.push(
      updatedSince ? `permissions.listAll?updatedSince=${updatedSince}` : 'permissions.listAll',
    )
    return this.permissions(updatedSince)
  }
  async getPublicSetting(id: string) {
    this.asked.push(`settings.public?_id=${id}`)
    return this.setting
  }
}

async function watching(server: FakeVoiceServer, random = () => 0) {
  const clock = new ManualClock()
  const watch = new VoiceAvailabilityWatch({ api: server, clock, random })
  const changes: VoiceAvailability[] = []
  watch.onChange((availability) => changes.push(availability))
  watch.start()
  await watch.firstCheck()
  const advance = async (ms: number) => {
    clock.advance(ms)
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  }
  return { watch, changes, advance, clock }
}

describe('judgeVoiceAvailability', () => {
  it('needs the license and the permission for "available"; any one "no" is enough', () => {
    expect(
      judgeVoiceAvailability({ licensed: true, settingEnabled: null, permitted: true }),
    ).toEqual({ kind: 'available' })
    expect(
      judgeVoiceAvailability({ licensed: false, settingEnabled: null, permitted: null }),
    ).toEqual({ kind: 'unavailable', reason: 'not-licensed' })
    expect(
      judgeVoiceAvailability({ licensed: null, settingEnabled: null, permitted: false }),
    ).toEqual({ kind: 'unavailable', reason: 'not-permitted' })
    expect(
      judgeVoiceAvailability({ licensed: true, settingEnabled: false, permitted: true }),
    ).toEqual({ kind: 'unavailable', reason: 'disabled' })
    expect(
      judgeVoiceAvailability({ licensed: null, settingEnabled: null, permitted: true }),
    ).toEqual({ kind: 'unknown' })
  })
})

describe('VoiceAvailabilityWatch', () => {
  it('finds calls available with the module and a role holding a voice permission', async () => {
    const { watch } = await watching(new FakeVoiceServer())
    expect(watch.current).toEqual({ kind: 'available' })
  })

  it('says the license lacks teams-voip', async () => {
    const server = new FakeVoiceServer()
    server.modules = reply(['livechat-enterprise'])
    const { watch } = await watching(server)
    expect(watch.current).toEqual({ kind: 'unavailable', reason: 'not-licensed' })
  })

  it("says the user's roles hold neither voice permission", async () => {
    const server = new FakeVoiceServer()
    server.roles = reply(['livechat-agent'])
    const { watch } = await watching(server)
    expect(watch.current).toEqual({ kind: 'unavailable', reason: 'not-permitted' })
  })

  it('reads the 7.x setting that turns calls off, and stops asking for it on 8.x', async () => {
    const server = new FakeVoiceServer()
    server.setting = reply(false)
    const seven = await watching(server)
    expect(seven.watch.current).toEqual({ kind: 'unavailable', reason: 'disabled' })

    const eight = new FakeVoiceServer()
    const { advance } = await watching(eight)
    await advance(RECHECK_MIN_MS + RECHECK_SPREAD_MS)
    expect(eight.asked.filter((route) => route.startsWith('settings.public'))).toHaveLength(1)
  })

  it.each([
    ['404', NOT_FOUND],
    ['403', FORBIDDEN],
  ])('cannot tell from a %s, and claims neither way', async (_label, error) => {
    const server = new FakeVoiceServer()
    server.modules = failed(error)
    server.permissions = () => failed(error)
    const { watch } = await watching(server)
    expect(watch.current).toEqual({ kind: 'unknown' })
  })

  it('checks again 10 to 15 minutes later, asking only for permission changes', async () => {
    const server = new FakeVoiceServer()
    const { advance } = await watching(server, () => 0.5)
    expect(server.asked).toHaveLength(4)
    await advance(RECHECK_MIN_MS)
    expect(server.asked).toHaveLength(4)
    await advance(RECHECK_SPREAD_MS / 2)
    expect(server.asked.slice(4).sort()).toEqual([
      'licenses.info',
      'me',
      'permissions.listAll?updatedSince=2026-03-01T00:00:00.000Z',
    ])
  })

  it('follows a permission taken away and given back through the changes', async () => {
    const server = new FakeVoiceServer()
    const { watch, changes, advance } = await watching(server)
    const change = (roles: string[]) =>
      reply({
        update: [
          { id: 'allow-internal-voice-calls', roles, updatedAt: '2026-04-01T00:00:00.000Z' },
        ],
        remove: [],
      })
    server.permissions = (since) => (since ? change(['admin']) : reply(VOICE_PERMISSIONS))
    await advance(RECHECK_MIN_MS)
    expect(watch.current).toEqual({ kind: 'unavailable', reason: 'not-permitted' })
    server.permissions = (since) => (since ? change(['admin', 'user']) : reply(VOICE_PERMISSIONS))
    await advance(RECHECK_MIN_MS)
    expect(changes).toEqual([
      { kind: 'available' },
      { kind: 'unavailable', reason: 'not-permitted' },
      { kind: 'available' },
    ])
  })

  it('keeps what it knew through a failed check, and tries again sooner', async () => {
    const server = new FakeVoiceServer()
    server.modules = reply([])
    const { watch, advance } = await watching(server)
    server.modules = failed({ kind: 'network', cause: 'ECONNRESET' })
    await advance(RECHECK_MIN_MS)
    expect(watch.current).toEqual({ kind: 'unavailable', reason: 'not-licensed' })
    const asked = server.asked.length
    server.modules = reply(['teams-voip'])
    await advance(3 * 60_000)
    expect(server.asked.length).toBeGreaterThan(asked)
    expect(watch.current).toEqual({ kind: 'available' })
  })

  it('asks nothing more once stopped', async () => {
    const server = new FakeVoiceServer()
    const { watch, advance } = await watching(server)
    watch.stop()
    await advance(60 * 60_000)
    expect(server.asked).toHaveLength(4)
  })
})
