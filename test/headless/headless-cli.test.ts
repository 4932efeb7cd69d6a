// The headless runner as a process: its stdout contract, exit codes and --demo.
import { afterEach, describe, expect, it } from 'vitest'
import { AGENT1, FUNKE, createSimulator, type Simulator } from '../simulator'
import { runHeadless, type HeadlessProcess } from './headless-process'

const running: HeadlessProcess[] = []
let sim: Simulator | null = null

afterEach(async () => {
  for (const process of running.splice(0)) process.child.kill('SIGKILL')
  await sim?.close()
  sim = null
})

function start(args: string[], env: Record<string, string | undefined> = {}) {
  const process = runHeadless(args, env)
  running.push(process)
  return process
}

const agentEnv = { RC_USER_ID: AGENT1.id, RC_AUTH_TOKEN: AGENT1.tokens[0] }
const isStatus = (state: string) => (line: Record<string, unknown>) =>
  line.type === 'status' && line.state === state

describe('headless runner', () => {
  it.each([
    [[], {}, /--server <url> is required/],
    [['--server', 'https://chat.example.com'], {}, /RC_USER_ID and RC_AUTH_TOKEN/],
    [['--server', 'http://chat.example.com'], agentEnv, /unencrypted/],
    [['--server', 'https://chat.example.com', '--interval', '0'], agentEnv, /--interval must be/],
    [
      ['--server', 'https://chat.example.com', '--token', 'x'],
      agentEnv,
      /Unknown option '--token'/,
    ],
  ])('exits 2 with a message on a usage error: %j', async (args, env, message) => {
    const process = start(args, env)
    expect(await process.exited).toBe(2)
    expect(process.stderr()).toMatch(message)
    expect(process.rawStdout()).toBe('')
  })

  it('prints status unauthorized and exits 3 when the server rejects the credentials', async () => {
    sim = await createSimulator()
    const process = start(['--server', sim.url], {
      RC_USER_ID: AGENT1.id,
      RC_AUTH_TOKEN: 'revoked',
    })
    expect(await process.exited).toBe(3)
    expect(process.lines).toEqual([
      { type: 'status', state: 'connecting', realtime: false },
      {
        type: 'status',
        state: 'unauthorized',
        detail: 'Signed out — sign in again.',
        realtime: false,
      },
    ])
    expect(process.stderr()).not.toContain('revoked')
  })

  it('prints a call ringing, its notification, its answer and its end as JSON lines, and exits 0 on SIGTERM', async () => {
    sim = await createSimulator({ rateLimit: false })
    const process = start(['--server', sim.url, '--interval', '1'], agentEnv)
    await process.waitForLine(isStatus('online'), 'online')
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    sim.ackCall(call._id)
    const ringing = await process.waitForLine(
      (line) => line.type === 'calls' && Array.isArray(line.calls) && line.calls.length === 1,
      'ringing call',
    )
    expect(ringing).toEqual({
      type: 'calls',
      calls: [
        {
          id: call._id,
          direction: 'incoming',
          state: 'ringing',
          peer: { id: FUNKE.id, displayName: 'Funke Olasupo', username: 'funke.olasupo' },
          features: expect.any(Array),
          since: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        },
      ],
    })
    // On the local clock, corrected by an offset estimated from one-second Date headers.
    const since = Date.parse((ringing.calls as { since: string }[])[0]?.since ?? '')
    expect(Math.abs(since - new Date(call.createdAt).getTime())).toBeLessThan(1100)
    expect(
      await process.waitForLine((line) => line.type === 'notification', 'notification'),
    ).toEqual({
      type: 'notification',
      event: 'incoming-call',
      callId: call._id,
      title: 'Incoming call from Funke Olasupo',
      body: '@funke.olasupo · Answer in Rocket.Chat',
    })
    sim.acceptCall(call._id)
    sim.activateCall(call._id)
    await process.waitForLine((line) => line.type === 'notification-closed', 'notification-closed')
    sim.hangupCall(call._id, { by: FUNKE.id })
    await process.waitForLine(
      (line) => line.type === 'calls' && Array.isArray(line.calls) && line.calls.length === 0,
      'empty list',
    )
    // The stream came up: status lines say so.
    expect(process.lines).toContainEqual({ type: 'status', state: 'online', realtime: true })
    process.child.kill('SIGTERM')
    expect(await process.exited).toBe(0)
    // Only JSON lines on stdout, and a calls line only when the list changed.
    const types = process.lines.map((line) => line.type)
    expect(types.filter((type) => type === 'notification')).toHaveLength(1)
    const callsLines = process.lines
      .filter((line) => line.type === 'calls')
      .map((line) => JSON.stringify(line))
    expect(callsLines.some((line, i) => i > 0 && line === callsLines[i - 1])).toBe(false)
  })

  it('polls only with --no-realtime, and says so in its status lines', async () => {
    sim = await createSimulator({ rateLimit: false })
    const process = start(['--server', sim.url, '--interval', '1', '--no-realtime'], agentEnv)
    await process.waitForLine(isStatus('online'), 'online')
    const call = sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await process.waitForLine(
      (line) => line.type === 'notification' && line.callId === call._id,
      'notification',
    )
    expect(process.lines.filter((line) => line.type === 'status')).toEqual([
      { type: 'status', state: 'connecting', realtime: false },
      { type: 'status', state: 'online', realtime: false },
    ])
    expect(sim.realtimeUpgrades).toEqual([])
  })
})
