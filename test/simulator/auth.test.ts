import { afterEach, describe, expect, it } from 'vitest'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, api } from './test-support'
import type { Simulator } from './types'

// Bodies of /work/shared/rocketchat/examples/401.json and 401-legacy.json.
const UNAUTHORIZED_7X = {
  success: false,
  error: 'You must be logged in to do this.',
  status: 'error',
  message: 'You must be logged in to do this.',
}
const UNAUTHORIZED_LEGACY = { status: 'error', message: 'You must be logged in to do this.' }

let sim: Simulator
afterEach(() => sim?.close())

describe('authentication', () => {
  it('answers missing or wrong credentials with the 7.x 401 body', async () => {
    sim = await createSimulator()
    const missing = await api(sim, '/api/v1/me')
    const wrong = await api(sim, '/api/v1/media-calls.state', {
      headers: { 'X-User-Id': AGENT1_AUTH['X-User-Id'], 'X-Auth-Token': 'nope' },
    })
    expect(missing.status).toBe(401)
    expect(missing.json).toEqual(UNAUTHORIZED_7X)
    expect(wrong.status).toBe(401)
    expect(wrong.json).toEqual(UNAUTHORIZED_7X)
  })

  it('answers with the older 401 body when legacy401 is set', async () => {
    sim = await createSimulator({ legacy401: true })
    const res = await api(sim, '/api/v1/media-calls.state')
    expect(res.status).toBe(401)
    expect(res.json).toEqual(UNAUTHORIZED_LEGACY)
    const login = await api(sim, '/api/v1/login', { body: { user: 'agent1', password: 'wrong' } })
    expect(login.json).toEqual({ status: 'error', error: 'Unauthorized', message: 'Unauthorized' })
  })

  it('accepts the auth headers in any letter case', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/v1/me', {
      headers: { 'x-user-id': 'iaZWAXecuCuBx4FnX', 'X-AUTH-TOKEN': 'demo-agent1-token' },
    })
    expect(res.json).toEqual({
      _id: 'iaZWAXecuCuBx4FnX',
      username: 'agent1',
      name: 'Agent1',
      status: 'online',
      active: true,
      roles: ['user'],
      success: true,
    })
  })
})

describe('login', () => {
  it('logs in by username or email and issues a new working token', async () => {
    sim = await createSimulator()
    for (const user of ['agent1', 'agent1@example.com']) {
      const res = await api(sim, '/api/v1/login', { body: { user, password: 'agent1-password' } })
      expect(res.status).toBe(200)
      expect(res.json).toMatchObject({
        status: 'success',
        data: { userId: 'iaZWAXecuCuBx4FnX', me: { _id: 'iaZWAXecuCuBx4FnX', username: 'agent1' } },
      })
      const token: string = res.json.data.authToken
      expect(token).not.toBe('demo-agent1-token')
      const me = await api(sim, '/api/v1/me', {
        headers: { 'X-User-Id': 'iaZWAXecuCuBx4FnX', 'X-Auth-Token': token },
      })
      expect(me.status).toBe(200)
    }
  })

  it('refuses a wrong password or an unknown user with 401 Unauthorized', async () => {
    sim = await createSimulator()
    for (const body of [
      { user: 'agent1', password: 'wrong' },
      { user: 'nobody', password: 'agent1-password' },
    ]) {
      const res = await api(sim, '/api/v1/login', { body })
      expect(res.status).toBe(401)
      expect(res.json).toEqual({
        success: false,
        status: 'error',
        error: 'Unauthorized',
        message: 'Unauthorized',
      })
    }
  })

  it('resumes with an existing token and returns that same token', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/v1/login', { body: { resume: 'demo-agent1-token' } })
    expect(res.status).toBe(200)
    expect(res.json.data).toMatchObject({
      userId: 'iaZWAXecuCuBx4FnX',
      authToken: 'demo-agent1-token',
    })
    const bad = await api(sim, '/api/v1/login', { body: { resume: 'not-a-token' } })
    expect(bad.status).toBe(401)
  })

  it('answers a body it cannot read as a login request with 401', async () => {
    sim = await createSimulator()
    const res = await api(sim, '/api/v1/login', { rawBody: '{"user": "agent1", ' })
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({
      error: 400,
      message: 'Unrecognized options for login request',
    })
  })

  describe('with two-factor authentication', () => {
    const credentials = { user: 'agent2fa', password: 'agent2fa-password' }

    it('asks for the code with totp-required', async () => {
      sim = await createSimulator()
      const res = await api(sim, '/api/v1/login', { body: credentials })
      expect(res.status).toBe(401)
      expect(res.json).toEqual({
        success: false,
        status: 'error',
        error: 'totp-required',
        details: { method: 'totp', codeGenerated: false, availableMethods: ['totp'] },
        message: 'TOTP Required',
      })
    })

    it('checks the password before asking for the code', async () => {
      sim = await createSimulator()
      const res = await api(sim, '/api/v1/login', { body: { user: 'agent2fa', password: 'wrong' } })
      expect(res.json.error).toBe('Unauthorized')
    })

    it('accepts the right code from the body field or the x-2fa-code header', async () => {
      sim = await createSimulator()
      const byBody = await api(sim, '/api/v1/login', { body: { ...credentials, code: '246810' } })
      const byHeader = await api(sim, '/api/v1/login', {
        body: credentials,
        headers: { 'x-2fa-code': '246810' },
      })
      expect(byBody.status).toBe(200)
      expect(byHeader.status).toBe(200)
      expect(byBody.json.data.userId).toBe('tWoFaCtOrAgEnT0001')
    })

    it('refuses a wrong code with totp-invalid, by body field or header', async () => {
      sim = await createSimulator()
      const byBody = await api(sim, '/api/v1/login', { body: { ...credentials, code: '000000' } })
      const byHeader = await api(sim, '/api/v1/login', {
        body: credentials,
        headers: { 'x-2fa-code': '000000' },
      })
      for (const res of [byBody, byHeader]) {
        expect(res.status).toBe(401)
        expect(res.json).toMatchObject({
          success: false,
          error: 'totp-invalid',
          message: 'TOTP Invalid',
          details: { method: 'totp' },
        })
      }
    })

    it('reports the email method with the details a real server sends', async () => {
      sim = await createSimulator({
        users: [
          {
            id: 'eMaIl2FaUsEr000001',
            username: 'mailer',
            name: 'Mailer',
            password: 'pw',
            tokens: [],
            twoFactor: { method: 'email', code: '135790' },
          },
        ],
      })
      const res = await api(sim, '/api/v1/login', { body: { user: 'mailer', password: 'pw' } })
      expect(res.json.details).toEqual({
        method: 'email',
        codeGenerated: true,
        emailOrUsername: 'mailer',
        availableMethods: ['email'],
      })
    })
  })
})

describe('logout', () => {
  it('revokes only the token it was called with', async () => {
    sim = await createSimulator()
    const login = await api(sim, '/api/v1/login', {
      body: { user: 'agent1', password: 'agent1-password' },
    })
    const fresh = {
      'X-User-Id': 'iaZWAXecuCuBx4FnX',
      'X-Auth-Token': login.json.data.authToken as string,
    }

    const out = await api(sim, '/api/v1/logout', { method: 'POST', headers: fresh })
    expect(out.json).toEqual({ status: 'success', data: { message: "You've been logged out!" } })
    expect((await api(sim, '/api/v1/me', { headers: fresh })).status).toBe(401)
    expect((await api(sim, '/api/v1/me', { headers: AGENT1_AUTH })).status).toBe(200)
  })
})
