// Calls that rang and ended while the app could not reach the server: after the
// outage one history request finds them, one notice each, and never again.
import { afterEach, expect, it } from 'vitest'
import type { EngineEvent } from '../../main/core/call-engine'
import { memoryAwayMarkStore } from '../../main/settings/away-mark-file'
import { startEngineHarness, type EngineHarness } from '../support/engine-harness'
import { AGENT1, FUNKE } from '../simulator'

let harness: EngineHarness | null = null
afterEach(async () => {
  await harness?.close()
  harness = null
})

const missedNotice = (callId: string) => (e: EngineEvent) =>
  e.type === 'notification' && e.event === 'missed-call' && e.call.id === callId
const historyLists = (h: EngineHarness) =>
  h.sim.requests.filter((request) => request.route === 'call-history.list').length

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

it('tells of a call that rang and ended during an outage once, and never again after a restart', async () => {
  const remembered = memoryAwayMarkStore()
  const logs: string[] = []
  harness = await startEngineHarness(
    { rateLimit: false },
    { away: remembered, realtime: true, info: (line) => logs.push(line) },
  )
  const h = harness
  h.engine.start()
  await h.waitFor((e) => e.type === 'realtime' && e.healthy, 'stream healthy')
  await until(() => historyLists(h) === 1, 'the start-up catch-up')

  h.sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 502 })
  h.sim.injectRealtimeFault({ kind: 'drop' })
  h.sim.injectFault({ kind: 'status', status: 503 })
  await h.waitFor((e) => e.type === 'status' && e.status.state === 'offline', 'offline')
  const call = h.sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
  })
  h.sim.ackCall(call._id)
  h.sim.hangupCall(call._id, { reason: 'not-answered' })
  h.sim.clearFaults()
  h.sim.clearRealtimeFaults()

  const notice = await h.waitFor(missedNotice(call._id), 'missed-call notice', 15_000)
  expect(notice).toMatchObject({ title: 'Missed call from Funke Olasupo' })
  const recent = await h.waitFor(
    (e) => e.type === 'recent' && e.recent.some((item) => item.id === call._id),
    'listed in recent',
  )
  expect(recent.type === 'recent' && recent.recent[0]).toMatchObject({
    id: call._id,
    outcome: 'missed',
    missedBecause: ['offline'],
  })
  expect(logs).toContain(
    `Missed call ${call._id}: While it rang, Call Tray could not reach the server.`,
  )
  expect(logs.join('\n')).not.toContain('Funke')
  const listsAfterRecovery = historyLists(h)

  // Quit, and a second call rings and ends before the app starts again.
  h.restart()
  const second = h.sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
  })
  h.sim.hangupCall(second._id, { reason: 'not-answered' })
  // The server's clock offset comes from whole-second Date headers: leave it a second.
  await new Promise((resolve) => setTimeout(resolve, 1200))
  h.engine.start()
  await h.waitFor(missedNotice(second._id), 'the second call, missed while not running')
  await until(() => historyLists(h) > listsAfterRecovery, 'the catch-up after the restart')
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(h.events.filter((e) => e.type === 'notification')).toHaveLength(1)
  const listed = h.events.filter((e) => e.type === 'recent').at(-1)
  expect(listed?.type === 'recent' && listed.recent).toEqual([
    expect.objectContaining({ id: second._id, missedBecause: ['not-running'] }),
  ])
})

it('sums several calls missed while away up in one notice', async () => {
  harness = await startEngineHarness({ rateLimit: false }, { away: memoryAwayMarkStore() })
  const h = harness
  h.engine.start()
  await until(() => historyLists(h) === 1, 'the start-up catch-up')
  h.engine.pause()
  const ids = [0, 1, 2].map(() => {
    const call = h.sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    h.sim.hangupCall(call._id, { reason: 'not-answered' })
    return call._id
  })
  h.engine.resume()
  const notice = await h.waitFor(
    (e) => e.type === 'notification' && e.event === 'missed-call',
    'summary',
  )
  expect(notice).toMatchObject({ title: '3 missed calls while you were away' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(h.events.filter((e) => e.type === 'notification')).toHaveLength(1)
  const last = h.events.filter((e) => e.type === 'recent').at(-1)
  expect(last?.type === 'recent' && last.recent.slice(0, 3).map((item) => item.id)).toEqual(
    ids.reverse(),
  )
  expect(last?.type === 'recent' && last.recent[0]?.missedBecause).toEqual(['asleep'])
})
