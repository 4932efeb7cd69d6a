// Many agents on one simulator, as the fleet benchmark runs them: every agent its own token,
// its own polls and its own stream, and a call reaches only the agent it is for.
import { afterEach, describe, expect, it } from 'vitest'
import { closeClients, subscribed } from './ddp-test-client'
import { makeAgents } from './scenarios'
import { createSimulator } from './simulator'
import { api } from './test-support'
import type { Simulator } from './types'

let sim: Simulator
afterEach(async () => {
  closeClients()
  await sim?.close()
})

describe('a fleet of agents', () => {
  it('makes agents with their own ids, logins and tokens', () => {
    const agents = makeAgents(200)
    expect(new Set(agents.map((a) => a.id)).size).toBe(200)
    expect(new Set(agents.flatMap((a) => a.tokens)).size).toBe(200)
    expect(agents[0]).toMatchObject({
      username: 'fleet-agent-001',
      tokens: ['fleet-agent-001-token'],
    })
    expect(() => makeAgents(-1)).toThrow(/bad count/)
  })

  it('serves 200 agents at once, each with its own polls and its own stream', async () => {
    const agents = makeAgents(200)
    const [caller] = agents
    sim = await createSimulator({ users: agents, rateLimit: false })
    const polls = await Promise.all(
      agents.map((a) =>
        api(sim, '/api/v1/media-calls.state', {
          headers: { 'X-User-Id': a.id, 'X-Auth-Token': a.tokens[0] ?? '' },
        }),
      ),
    )
    expect(polls.map((p) => p.status)).toEqual(agents.map(() => 200))
    const streams = await Promise.all(agents.map((a) => subscribed(sim, a.id, a.tokens[0] ?? '')))
    expect(sim.realtimeClientCount).toBe(200)

    const target = agents[150]
    if (!caller || !target) throw new Error('no agents')
    const call = sim.placeCall({
      from: { type: 'user', id: caller.id },
      to: { type: 'user', id: target.id },
    })
    const ring = await streams[150]?.next((f) => JSON.stringify(f).includes(call._id), 'new call')
    expect(JSON.stringify(ring)).toContain('"role":"callee"')
    await streams[0]?.next((f) => JSON.stringify(f).includes(call._id), 'caller new')
    const others = streams.filter((_, i) => i !== 0 && i !== 150)
    expect(others.some((s) => JSON.stringify(s.frames).includes(call._id))).toBe(false)
  })

  it('shares one rate budget per route among agents behind one IP', async () => {
    const agents = makeAgents(3)
    sim = await createSimulator({ users: agents, rateLimit: { calls: 2, windowMs: 60_000 } })
    const statuses: number[] = []
    for (const a of agents) {
      const headers = { 'X-User-Id': a.id, 'X-Auth-Token': a.tokens[0] ?? '' }
      statuses.push((await api(sim, '/api/v1/media-calls.state', { headers })).status)
    }
    expect(statuses).toEqual([200, 200, 429])
  })
})
