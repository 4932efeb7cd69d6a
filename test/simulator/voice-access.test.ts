// Can this user receive voice calls at all: the license, the permissions and the user's roles,
// the 7.x setting, routes that cannot tell, and a call refused before it exists.
import { afterEach, describe, expect, it } from 'vitest'
import { closeClients, subscribed } from './ddp-test-client'
import { AGENT1, FUNKE } from './scenarios'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, FakeClock, FUNKE_AUTH, api } from './test-support'
import type { Simulator, SimUser } from './types'
import { CallRejectedError } from './voice-access'

let sim: Simulator
afterEach(async () => {
  closeClients()
  await sim?.close()
})

const get = (path: string, headers: Record<string, string> = AGENT1_AUTH) =>
  api(sim, `/api/v1/${path}`, { headers })

const GUEST: SimUser = { ...AGENT1, roles: ['guest'] }

describe('licenses.info', () => {
  it('lists teams-voip among the active modules of a licensed server', async () => {
    sim = await createSimulator()
    const res = await get('licenses.info')
    expect(res.status).toBe(200)
    expect(res.json.success).toBe(true)
    expect(res.json.license.activeModules).toContain('teams-voip')
    expect(res.json.license).toMatchObject({ externalModules: [], hasValidLicense: true })
    expect((await get('licenses.info', {})).status).toBe(401)
  })

  it('has no teams-voip on an unlicensed server', async () => {
    sim = await createSimulator({ licenseModules: [] })
    const res = await get('licenses.info')
    expect(res.json.license).toMatchObject({ activeModules: [], hasValidLicense: false })
  })
})

describe('permissions.listAll and the roles in /me', () => {
  it('grants the voice-call permissions to the user role and tells the roles in /me', async () => {
    sim = await createSimulator()
    const res = await get('permissions.listAll')
    expect(res.json).toMatchObject({ remove: [], success: true })
    const internal = res.json.update.find(
      (p: { _id: string }) => p._id === 'allow-internal-voice-calls',
    )
    expect(internal.roles).toEqual(['admin', 'user'])
    expect(typeof internal._updatedAt).toBe('string')
    expect((await get('me')).json.roles).toEqual(['user'])
  })

  it('lists only what changed after updatedSince, and refuses a date it cannot read', async () => {
    const clock = new FakeClock()
    sim = await createSimulator({ clock })
    const since = new Date(clock.now()).toISOString()
    expect((await get(`permissions.listAll?updatedSince=${since}`)).json.update).toEqual([])
    clock.advance(1_000)
    sim.setPermissionRoles('allow-external-voice-calls', ['admin'])
    const changed = await get(`permissions.listAll?updatedSince=${since}`)
    expect(changed.json.update).toEqual([
      {
        _id: 'allow-external-voice-calls',
        roles: ['admin'],
        _updatedAt: new Date(clock.now()).toISOString(),
      },
    ])
    const bad = await get('permissions.listAll?updatedSince=yesterday')
    expect(bad.status).toBe(400)
    expect(bad.json.errorType).toBe('error-roomId-param-invalid')
  })

  it('lets a user whose roles hold neither permission see that in /me', async () => {
    sim = await createSimulator({ users: [GUEST, FUNKE] })
    expect((await get('me')).json.roles).toEqual(['guest'])
  })
})

describe('server version and the 7.x setting', () => {
  it('reports an 8.x by default, where VoIP_TeamCollab_Enabled no longer exists', async () => {
    sim = await createSimulator()
    expect((await api(sim, '/api/info')).json.version).toMatch(/^8\./)
    const res = await api(sim, '/api/v1/settings.public?_id=VoIP_TeamCollab_Enabled')
    expect(res.json).toEqual({ settings: [], count: 0, offset: 0, total: 0, success: true })
  })

  it('has the public setting on 7.x, without login, false while unlicensed', async () => {
    sim = await createSimulator({ serverVersion: '7.10.0' })
    expect((await api(sim, '/api/info')).json.version).toBe('7.10')
    const on = await api(sim, '/api/v1/settings.public?_id=VoIP_TeamCollab_Enabled')
    expect(on.status).toBe(200)
    expect(on.json.settings).toEqual([
      {
        _id: 'VoIP_TeamCollab_Enabled',
        value: true,
        enterprise: true,
        invalidValue: false,
        modules: ['teams-voip'],
      },
    ])
    await sim.close()
    sim = await createSimulator({ serverVersion: '7.10.0', teamCollabVoip: false })
    const off = await api(sim, '/api/v1/settings.public?_id=VoIP_TeamCollab_Enabled')
    expect(off.json.settings[0].value).toBe(false)
    await sim.close()
    sim = await createSimulator({ serverVersion: '7.10.0', licenseModules: [] })
    const unlicensed = await api(sim, '/api/v1/settings.public?_id=VoIP_TeamCollab_Enabled')
    expect(unlicensed.json.settings[0].value).toBe(false)
  })
})

describe('routes that cannot tell', () => {
  it('answers 403 or 404 on the chosen routes after checking the login', async () => {
    sim = await createSimulator({
      refusedRoutes: { 'licenses.info': 403, 'permissions.listAll': 404 },
    })
    expect((await get('licenses.info', {})).status).toBe(401)
    const forbidden = await get('licenses.info')
    expect([forbidden.status, forbidden.json]).toEqual([
      403,
      { success: false, error: 'unauthorized' },
    ])
    const missing = await get('permissions.listAll')
    expect([missing.status, missing.json.error]).toEqual([404, 'Resource not found'])
    expect((await get('me')).status).toBe(200)
  })

  it('says forbidden, not unauthorized, in a 403 under 9.0', async () => {
    sim = await createSimulator({ serverVersion: '9.0.0', refusedRoutes: { 'licenses.info': 403 } })
    expect((await get('licenses.info')).json).toEqual({ success: false, error: 'forbidden' })
  })
})

describe('a call to a user without the permission', () => {
  it('is refused before it exists: no signal, no history, no call', async () => {
    sim = await createSimulator({ users: [GUEST, FUNKE], rateLimit: false })
    const stream = await subscribed(sim, GUEST.id, GUEST.tokens[0] ?? '')
    const place = () =>
      sim.placeCall({ from: { type: 'user', id: FUNKE.id }, to: { type: 'user', id: GUEST.id } })
    expect(place).toThrow(CallRejectedError)
    expect(place).toThrow(/forbidden/)
    expect(sim.listCalls()).toEqual([])
    const history = await api(sim, '/api/v1/call-history.list', { headers: FUNKE_AUTH })
    expect(history.json.total).toBe(0)
    const sip = { type: 'sip' as const, extension: '2001' }
    sim.placeCall({ from: { type: 'user', id: FUNKE.id }, to: sip })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(JSON.stringify(stream.frames)).not.toContain('"type":"new"')
  })

  it('checks the external permission for SIP calls only', async () => {
    sim = await createSimulator()
    sim.setPermissionRoles('allow-external-voice-calls', ['admin'])
    const sip = { type: 'sip' as const, extension: '2001' }
    expect(() => sim.placeCall({ from: sip, to: { type: 'user', id: AGENT1.id } })).toThrow(
      /forbidden/,
    )
    const internal = sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    expect(internal.state).toBe('none')
  })
})
