// `--self-test` as a process: one line per check, then the verdict; exit 0 only when all passed.
import { afterEach, describe, expect, it } from 'vitest'
import { AGENT1, createSimulator, type Simulator, type SimulatorOptions } from '../simulator'
import { runHeadless, type HeadlessProcess } from './headless-process'

const running: HeadlessProcess[] = []
let sim: Simulator | null = null

afterEach(async () => {
  for (const process of running.splice(0)) process.child.kill('SIGKILL')
  await sim?.close()
  sim = null
})

const agentEnv = { RC_USER_ID: AGENT1.id, RC_AUTH_TOKEN: AGENT1.tokens[0] }

async function selfTest(options: SimulatorOptions, env: Record<string, string | undefined>) {
  sim = await createSimulator(options)
  const process = runHeadless(['--server', sim.url, '--self-test'], env)
  running.push(process)
  const code = await process.exited
  const verdict = process.lines.at(-1) as {
    type: string
    ok: boolean
    checks: { id: string; ok: boolean; detail: string }[]
  }
  const failed = verdict.checks.filter((check) => !check.ok).map((check) => check.id)
  return { code, verdict, failed, process }
}

const CHECK_IDS = ['server', 'sign-in', 'voice-calls', 'realtime', 'rate-limit']

describe('headless --self-test', () => {
  it('passes every check against a healthy server and exits 0', async () => {
    const { code, verdict, failed, process } = await selfTest({}, agentEnv)
    expect(failed).toEqual([])
    expect(code).toBe(0)
    expect(verdict).toMatchObject({ type: 'self-test', ok: true })
    expect(verdict.checks.map((check) => check.id)).toEqual(CHECK_IDS)
    expect(process.lines.slice(0, -1).map((line) => [line.type, line.id])).toEqual(
      CHECK_IDS.map((id) => ['self-test-check', id]),
    )
    expect(process.lines[0]).toMatchObject({ ok: true, fix: null })
  })

  it('fails the realtime check, with a fix, when the server refuses WebSocket', async () => {
    sim = await createSimulator()
    sim.injectRealtimeFault({ kind: 'refuse-upgrade', status: 502 })
    const process = runHeadless(['--server', sim.url, '--self-test'], agentEnv)
    running.push(process)
    expect(await process.exited).toBe(1)
    const realtime = process.lines.find((line) => line.id === 'realtime')
    expect(realtime).toMatchObject({ ok: false, fix: expect.stringContaining('WebSocket') })
    expect(realtime?.detail).toContain('502')
    const verdict = process.lines.at(-1) as { ok: boolean; checks: { ok: boolean }[] }
    expect(verdict.ok).toBe(false)
    expect(verdict.checks.filter((check) => !check.ok)).toHaveLength(1)
  })

  it('fails the voice-calls check on a server without licensed voice calls', async () => {
    const { code, verdict, failed } = await selfTest({ licenseModules: [] }, agentEnv)
    expect(code).toBe(1)
    expect(failed).toEqual(['voice-calls'])
    expect(verdict.checks[2]?.detail).toBe('Voice calls are not licensed on this server.')
  })

  it('fails sign-in and what depends on it with wrong credentials, never printing the token', async () => {
    const { code, failed, process } = await selfTest(
      {},
      { RC_USER_ID: AGENT1.id, RC_AUTH_TOKEN: 'wrong-token' },
    )
    expect(code).toBe(1)
    expect(failed).toEqual(['sign-in', 'voice-calls', 'realtime', 'rate-limit'])
    expect(process.lines.find((line) => line.id === 'sign-in')).toMatchObject({
      detail: 'The server does not accept your sign-in.',
      fix: 'Sign in again.',
    })
    expect(process.rawStdout() + process.stderr()).not.toContain('wrong-token')
  })
})
