// Smaller facts of real servers: a reject that went through but answered invalid-call-state,
// and Rocket.Chat 9.0's bare login 401s.
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { closeClients, open } from './ddp-test-client'
import { AGENT1, FUNKE } from './scenarios'
import { createSimulator } from './simulator'
import { AGENT1_AUTH, api } from './test-support'
import type { Simulator } from './types'

let sim: Simulator
afterEach(async () => {
  closeClients()
  await sim?.close()
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 50))

describe('a reject answered with invalid-call-state', () => {
  it('still hangs up with reason rejected just after the answer', async () => {
    sim = await createSimulator({ rejectAnswersInvalidState: true })
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    const res = await api(sim, '/api/v1/media-calls.answer', {
      body: { callId: call._id, contractId: 'tray', answer: 'reject' },
      headers: AGENT1_AUTH,
    })
    expect([res.status, res.json]).toEqual([400, { success: false, error: 'invalid-call-state' }])
    await settle()
    expect(sim.getCall(call._id)).toMatchObject({
      state: 'hangup',
      hangupReason: 'rejected',
      endedBy: { id: AGENT1.id },
    })
  })
})

describe('Rocket.Chat 9.0 breaking changes', () => {
  const login = (body: Record<string, unknown>) => api(sim, '/api/v1/login', { body })

  it('answers a login that needs a 2FA code with the bare unauthorized body', async () => {
    sim = await createSimulator({ serverVersion: '9.0.0' })
    const noCode = await login({ user: 'agent2fa', password: 'agent2fa-password' })
    const wrong = await login({ user: 'agent2fa', password: 'wrong' })
    expect([noCode.status, noCode.json]).toEqual([401, { success: false, error: 'unauthorized' }])
    expect(wrong.json).toEqual(noCode.json)
    const withCode = await login({
      user: 'agent2fa',
      password: 'agent2fa-password',
      code: '246810',
    })
    expect(withCode.status).toBe(200)
    const me = await api(sim, '/api/v1/me', { headers: { 'X-User-Id': 'x', 'X-Auth-Token': 'y' } })
    expect(me.json).toEqual({ success: false, error: 'You must be logged in to do this.' })
  })

  it('keeps totp-required with its details up to 8.x', async () => {
    sim = await createSimulator()
    const noCode = await login({ user: 'agent2fa', password: 'agent2fa-password' })
    expect(noCode.json).toMatchObject({ error: 'totp-required', details: { method: 'totp' } })
  })

  it('still says totp-required, with its details, to a DDP password login', async () => {
    sim = await createSimulator({ serverVersion: '9.0.0' })
    const client = await open(`${sim.url}/websocket`)
    client.send({ msg: 'connect', version: '1', support: ['1'] })
    await client.next((f) => f.msg === 'connected', 'connected')
    const digest = createHash('sha256').update('agent2fa-password').digest('hex')
    const login = { user: { username: 'agent2fa' }, password: { digest, algorithm: 'sha-256' } }
    client.send({ msg: 'method', id: '1', method: 'login', params: [login] })
    const refused = await client.next((f) => f.id === '1', 'login result')
    expect(refused.error).toMatchObject({
      error: 'totp-required',
      reason: 'TOTP Required',
      details: { method: 'totp' },
    })
    client.send({
      msg: 'method',
      id: '2',
      method: 'login',
      params: [{ totp: { login, code: '246810' } }],
    })
    const accepted = await client.next((f) => f.id === '2', 'login with code')
    expect(accepted.result).toMatchObject({ id: 'tWoFaCtOrAgEnT0001', type: 'password' })
    const wrong = { user: { username: 'agent2fa' }, password: 'nope' }
    client.send({ msg: 'method', id: '3', method: 'login', params: [wrong] })
    const bad = await client.next((f) => f.id === '3', 'wrong password')
    expect(bad.error).toMatchObject({ error: 403, reason: 'Incorrect password' })
  })
})
