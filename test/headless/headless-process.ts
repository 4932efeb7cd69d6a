// Runs the headless runner exactly as its users do (`npm run --silent headless -- …`)
// and collects its stdout lines as parsed JSON.
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

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
  const lines: Record<string, unknown>[] = []
  const waiters = new Set<() => void>()
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const complete = stdout.split('\n')
    for (const text of complete.slice(lines.length, -1))
      lines.push(JSON.parse(text) as Record<string, unknown>)
    for (const wake of waiters) wake()
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))

  const waitForLine = (
    predicate: (line: Record<string, unknown>) => boolean,
    what: string,
    timeoutMs = 20_000,
  ) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const found = lines.find(predicate)
        if (!found) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`Timed out waiting for ${what}.\nstdout:\n${stdout}\nstderr:\n${stderr}`))
      }, timeoutMs)
      waiters.add(check)
      check()
    })

  return { child, lines, rawStdout: () => stdout, stderr: () => stderr, exited, waitForLine }
}
