import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileLogger } from './file-logger'

let directory: string

beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'call-tray-log-'))
})

afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

describe('createFileLogger', () => {
  it('writes one timestamped line per message, readable by the user only', async () => {
    const logger = createFileLogger({ directory, console: false })
    logger.info('status: online')
    logger.warn('status: offline (HTTP 502)')
    logger.error('The tray icon failed: boom')

    const lines = (await readFile(logger.file, 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info status: online$/)
    expect(lines[1]).toMatch(/ warn status: offline \(HTTP 502\)$/)
    expect(lines[2]).toMatch(/ error The tray icon failed: boom$/)
    if (process.platform !== 'win32') expect((await stat(logger.file)).mode & 0o777).toBe(0o600)
  })

  it('redacts secrets before they reach the file', async () => {
    const logger = createFileLogger({ directory, console: false })
    logger.warn('request failed with X-Auth-Token: demo-agent1-token')
    const text = await readFile(logger.file, 'utf8')
    expect(text).not.toContain('demo-agent1-token')
    expect(text).toContain('X-Auth-Token: [redacted]')
  })

  it('keeps a server-sent newline from forging a line of its own', async () => {
    const logger = createFileLogger({ directory, console: false })
    const reason = 'refused\n2026-12-01T09:00:00.000Z info Signed in to chat.example.com as admin.'
    logger.warn(`Realtime login failed: ${reason}`)

    const lines = (await readFile(logger.file, 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      / warn Realtime login failed: refused\\n2026-12-01T09:00:00\.000Z info Signed in to/,
    )
  })

  it.skipIf(process.platform === 'win32')(
    'makes a log and a rotated log left readable by others private',
    async () => {
      const current = path.join(directory, 'main.log')
      const rotated = path.join(directory, 'main.old.log')
      await writeFile(current, 'an older line\n', { mode: 0o644 })
      await writeFile(rotated, 'an even older line\n', { mode: 0o644 })

      const logger = createFileLogger({ directory, console: false })
      logger.info('status: online')

      expect((await stat(current)).mode & 0o777).toBe(0o600)
      expect((await stat(rotated)).mode & 0o777).toBe(0o600)
      expect(await readFile(current, 'utf8')).toMatch(/^an older line\n.* info status: online\n$/)
    },
  )

  it('rotates at the size cap, keeping one older file', async () => {
    const logger = createFileLogger({ directory, console: false, maxBytes: 2000 })
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(40)}`)

    expect((await readdir(directory)).sort()).toEqual(['main.log', 'main.old.log'])
    expect((await stat(logger.file)).size).toBeLessThanOrEqual(2000 + 200)
    const current = await readFile(logger.file, 'utf8')
    expect(current).toContain('line 99 ')
    const older = await readFile(path.join(directory, 'main.old.log'), 'utf8')
    expect(older).not.toContain('line 99 ')
  })
})
