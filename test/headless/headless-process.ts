// Runs the headless runner exactly as its users do (`npm run --silent headless -- …`)
// and collects its stdout lines as parsed JSON.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { Recorder } from '../support/recorder'

const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface HeadlessProcess {
  child: ChildProcess
  lines: Record<string, unknown>[]
  rawStdout: () => string
  stderr: () => string
  exited: Promise<number | null>
  waitForLine(
    predicate: (line: Record<string, unknown>) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>
}

export function runHeadless(
  args: string[],
  env: Record<string, string | undefined> = {},
): HeadlessProcess {
  const child = spawn('npm', ['run', '--silent', 'headless', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, RC_USER_ID: undefined, RC_AUTH_TOKEN: undefined, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const recorder = new Recorder<Record<string, unknown>>(
    () => `stdout:\n${stdout}\nstderr:\n${stderr}`,
  )
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const complete = stdout.split('\n').slice(0, -1)
    for (const text of complete.slice(recorder.items.length)) {
      recorder.push(JSON.parse(text) as Record<string, unknown>)
    }
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  return {
    child,
    lines: recorder.items,
    rawStdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForLine: (predicate, what, timeoutMs = 20_000) =>
      recorder.waitFor(predicate, what, timeoutMs),
  }
}
