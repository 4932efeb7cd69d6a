import { describe, expect, it } from 'vitest'
import { REMEMBERED_UNREADABLE, UnreadableReport } from './unreadable-report'

describe('unreadable report', () => {
  it('never remembers more than its cap, however many fresh ids the server invents', () => {
    const report = new UnreadableReport()
    for (let round = 0; round < 20; round++) {
      const unreadable = Array.from({ length: 1000 }, (_, i) => ({
        id: `bad-${round}-${i}`,
        detail: 'caller: Required',
      }))
      expect(report.lineFor(unreadable)).toMatch(/^The server sent 1000 calls/)
      expect(report.size).toBeLessThanOrEqual(REMEMBERED_UNREADABLE)
    }
  })

  it('quotes a long or multi-line server text short and on one line', () => {
    const report = new UnreadableReport()
    const line = report.lineFor([{ id: `evil\n${'x'.repeat(5000)}`, detail: 'a\nb' }])
    expect(line).not.toContain('\n')
    expect(line?.length).toBeLessThan(300)
  })
})
