import { describe, expect, it } from 'vitest'
import { createSeenMemory, hasSeen, rememberSeen, seenCount } from './seen-memory'

describe('seen memory', () => {
  it('remembers the newest ids up to its capacity', () => {
    let memory = createSeenMemory(3)
    for (const id of ['a', 'b', 'c', 'd']) memory = rememberSeen(memory, [id])
    expect(['a', 'b', 'c', 'd'].map((id) => hasSeen(memory, id))).toEqual([false, true, true, true])
    expect(seenCount(memory)).toBe(3)
  })

  it('appends to the newest state in place, keeping at most twice its capacity', () => {
    const first = createSeenMemory(100)
    let memory = first
    for (let i = 0; i < 8000; i++) {
      memory = rememberSeen(memory, [`call-${i}`])
      // One shared log, never copied: adding costs O(1), not O(capacity).
      expect(memory.log).toBe(first.log)
    }
    expect(memory.log.ids.length).toBeLessThanOrEqual(200)
    expect(memory.log.positions.size).toBeLessThanOrEqual(200)
    expect(hasSeen(memory, 'call-7999')).toBe(true)
    expect(hasSeen(memory, 'call-7899')).toBe(false)
  })

  it('keeps an older state as it was when another future of it is explored', () => {
    const root = rememberSeen(createSeenMemory(10), ['a'])
    const left = rememberSeen(root, ['b'])
    const right = rememberSeen(root, ['c'])
    expect([hasSeen(left, 'b'), hasSeen(left, 'c')]).toEqual([true, false])
    expect([hasSeen(right, 'b'), hasSeen(right, 'c')]).toEqual([false, true])
    expect([hasSeen(root, 'b'), hasSeen(root, 'c'), hasSeen(root, 'a')]).toEqual([
      false,
      false,
      true,
    ])
  })
})
