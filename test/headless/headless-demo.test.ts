// `npm run --silent headless -- --demo`: the acceptance run, about 45 s of
// the demo scenario under the default rate limit, in its own file so it runs in
// parallel with the other tests.
import { afterEach, describe, expect, it } from 'vitest'
import { runHeadless, type HeadlessProcess } from './headless-process'

let running: HeadlessProcess | null = null
afterEach(() => {
  running?.child.kill('SIGKILL')
  running = null
})

describe('headless runner --demo', () => {
  it('--demo shows a call ringing, its notification, its answer and its end, with no credentials', async () => {
    const process = runHeadless(['--demo'])
    running = process
    const ringing = (line: Record<string, unknown>) =>
      line.type === 'calls' && JSON.stringify(line.calls).includes('"state":"ringing"')
    const ring = await process.waitForLine(ringing, 'demo call ringing', 30_000)
    const callId = (ring.calls as { id: string }[])[0]?.id
    await process.waitForLine(
      (line) => line.type === 'notification' && line.callId === callId,
      'demo notification',
      30_000,
    )
    await process.waitForLine(
      (line) => line.type === 'notification-closed' && line.callId === callId,
      'demo answer',
      40_000,
    )
    await process.waitForLine(
      (line) => line.type === 'calls' && JSON.stringify(line.calls).includes('"state":"active"'),
      'demo call active',
      40_000,
    )
    const activeIndex = process.lines.findIndex(
      (line) => line.type === 'calls' && JSON.stringify(line.calls).includes('"state":"active"'),
    )
    await process.waitForLine(
      (line) =>
        process.lines.indexOf(line) > activeIndex &&
        line.type === 'calls' &&
        !JSON.stringify(line.calls).includes(callId ?? '-'),
      'demo call ended',
      50_000,
    )
    process.child.kill('SIGINT')
    expect(await process.exited).toBe(0)
  }, 120_000)
})
