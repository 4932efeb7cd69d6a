// Voice-call availability and servers without rate-limit headers, against the simulator
// over HTTP: what the agent sees on an unlicensed server, without the permission, and
// where the server cannot tell.
import { afterEach, describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../main/core/call-engine'
import { AGENT1, type SimulatorOptions } from '../simulator'
import { startEngineHarness, type EngineHarness } from '../support/engine-harness'

let harness: EngineHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const status = (state: string) => (e: EngineEvent) =>
  e.type === 'status' && e.status.state === state

async function statusOn(options: SimulatorOptions) {
  harness = await startEngineHarness({ rateLimit: false, ...options }, { voice: true })
  harness.engine.start()
  return harness
}

describe('voice-call availability against the simulator', () => {
  it('says an unlicensed server cannot take calls, and does not poll media-calls.state', async () => {
    const { waitFor, sim } = await statusOn({ licenseModules: [] })
    expect(await waitFor(status('unsupported'), 'unsupported')).toMatchObject({
      status: { detail: 'Voice calls are not licensed on this server.' },
    })
    expect(sim.requests.filter((r) => r.route === 'media-calls.state')).toEqual([])
  })

  it('says the account may not receive calls when its roles lack the permission', async () => {
    const { waitFor } = await statusOn({ users: [{ ...AGENT1, roles: ['livechat-agent'] }] })
    expect(await waitFor(status('unsupported'), 'unsupported')).toMatchObject({
      status: { detail: 'Your account is not permitted to receive voice calls.' },
    })
  })

  it('goes online on a licensed server for a permitted user', async () => {
    const { waitFor } = await statusOn({})
    await waitFor(status('online'), 'online')
  })

  it('keeps watching where the routes answer 403 or 404 (cannot tell)', async () => {
    const { waitFor, events } = await statusOn({
      refusedRoutes: { 'licenses.info': 403, 'permissions.listAll': 404 },
    })
    await waitFor(status('online'), 'online')
    expect(events.some(status('unsupported'))).toBe(false)
  })
})

describe('a server that sends no rate-limit headers', () => {
  it('is polled at the floor interval without errors', async () => {
    harness = await startEngineHarness(
      { rateLimit: { calls: 1000, windowMs: 60_000 }, rateLimitHeaders: false },
      { floorIntervalMs: 100 },
    )
    harness.engine.start()
    await harness.waitFor(status('online'), 'online')
    const started = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const polls = harness.sim.requests.filter((r) => r.route === 'media-calls.state')
    expect(polls.length).toBeGreaterThanOrEqual(5)
    expect(polls.length).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 100) + 2)
    const states = harness.events.flatMap((e) => (e.type === 'status' ? [e.status.state] : []))
    expect(states).toEqual(['connecting', 'online'])
  })
})
