// The mark that makes a call missed while away reported once: what counts as new,
// what the first catch-up does, and what a failed request leaves behind.
import { describe, expect, it } from 'vitest'
import { memoryAwayMarkStore } from '../settings/away-mark-file'
import { ManualClock, T0 } from '../../test/support/app-fakes'
import type { ServerCallHistoryItem } from './api-schemas'
import { MissedWhileAway, type AwayMarkStore } from './missed-while-away'
import { err, ok } from './result'
import type { Reply } from './rocketchat-client'

const item = (callId: string, ts: number, name = 'Funke Olasupo'): ServerCallHistoryItem => ({
  callId,
  ts,
  endedAt: ts + 60_000,
  external: false,
  contactId: 'funke',
  contactName: name,
  contactUsername: 'funke',
  contactExtension: undefined,
})

function setUp(store: AwayMarkStore = memoryAwayMarkStore(), account = 'a') {
  const history: { items: ServerCallHistoryItem[]; fail: boolean; asked: number } = {
    items: [],
    fail: false,
    asked: 0,
  }
  const source = {
    serverOffsetMs: 1000,
    listMissedCalls: (): Promise<Reply<ServerCallHistoryItem[]>> => {
      history.asked += 1
      // The server answers newest first.
      const items = [...history.items].sort((a, b) => b.ts - a.ts)
      return Promise.resolve({
        result: history.fail ? err({ kind: 'network', cause: 'ECONNREFUSED' }) : ok(items),
        budget: null,
      })
    },
  }
  const away = new MissedWhileAway({ source, store, account, clock: new ManualClock() })
  return { away, history, store }
}

const ids = (calls: { call: { id: string } }[] | null) => calls?.map((missed) => missed.call.id)

describe('missed while away', () => {
  it('first only sets the mark, then reports what is newer, oldest first, each once', async () => {
    const { away, history } = setUp()
    history.items = [item('old', T0 - 3_600_000)]
    expect(await away.catchUp()).toEqual([])
    history.items.push(item('one', T0), item('two', T0 + 1000))
    const calls = await away.catchUp()
    expect(ids(calls)).toEqual(['one', 'two'])
    expect(calls?.[0]).toMatchObject({
      call: { direction: 'incoming', peer: { displayName: 'Funke Olasupo', username: 'funke' } },
      rangFrom: T0 - 1000,
      rangUntil: T0 + 59_000,
    })
    expect(await away.catchUp()).toEqual([])
  })

  it('keeps its word across a restart, and never stores a name', async () => {
    const store = memoryAwayMarkStore()
    const first = setUp(store)
    await first.away.catchUp()
    first.history.items = [item('one', T0)]
    expect(ids(await first.away.catchUp())).toEqual(['one'])
    const second = setUp(store)
    second.history.items = [item('one', T0), item('two', T0)]
    expect(ids(await second.away.catchUp())).toEqual(['two'])
    expect(JSON.stringify(store.load())).not.toContain('Funke')
  })

  it('leaves out calls the engine saw ring, also those seen before the first mark', async () => {
    const { away, history } = setUp()
    away.noteSeen('live-before-mark')
    await away.catchUp()
    away.noteSeen('live')
    history.items = [item('live-before-mark', T0), item('live', T0 + 1), item('away', T0 + 2)]
    expect(ids(await away.catchUp())).toEqual(['away'])
  })

  it('starts afresh for another account', async () => {
    const store = memoryAwayMarkStore()
    const first = setUp(store, 'agent-1')
    await first.away.catchUp()
    const other = setUp(store, 'agent-2')
    other.history.items = [item('theirs', T0)]
    expect(await other.away.catchUp()).toEqual([])
  })

  it('keeps the mark when the server cannot be asked, so the next recovery covers it', async () => {
    const { away, history } = setUp()
    await away.catchUp()
    history.items = [item('one', T0)]
    history.fail = true
    expect(await away.catchUp()).toBeNull()
    history.fail = false
    expect(ids(await away.catchUp())).toEqual(['one'])
  })

  it('asks once for recoveries that overlap', async () => {
    const { away, history } = setUp()
    await Promise.all([away.catchUp(), away.catchUp()])
    expect(history.asked).toBe(1)
  })
})
