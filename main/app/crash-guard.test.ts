import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { RecordingLogger } from '../../test/support/app-fakes'
import { logUncaughtErrors, type ProcessErrorEvents } from './crash-guard'

describe('logUncaughtErrors', () => {
  it('logs an uncaught exception with where it was thrown', () => {
    const events = new EventEmitter()
    const logger = new RecordingLogger()
    logUncaughtErrors(events as ProcessErrorEvents, logger)

    events.emit('uncaughtException', new Error('tray glue broke'))

    expect(logger.lines).toHaveLength(1)
    expect(logger.lines[0]).toMatch(
      /^error Uncaught error \(the app keeps running\): tray glue broke \| at .*crash-guard\.test\.ts/,
    )
  })

  it('logs an unhandled rejection, whatever was thrown', () => {
    const events = new EventEmitter()
    const logger = new RecordingLogger()
    logUncaughtErrors(events as ProcessErrorEvents, logger)

    events.emit('unhandledRejection', 'a plain string')

    expect(logger.lines).toEqual([
      'error Unhandled rejection (the app keeps running): a plain string',
    ])
  })

  it('keeps a real Node process alive after an uncaught exception', async () => {
    const { spawn } = await import('node:child_process')
    const script = `
      const lines = []
      const logger = { info() {}, warn() {}, error: (m) => lines.push(m) }
      const { logUncaughtErrors } = await import(${JSON.stringify(new URL('./crash-guard.ts', import.meta.url).href)})
      logUncaughtErrors(process, logger)
      setTimeout(() => { throw new Error('boom in a timer') }, 1)
      setTimeout(() => { console.log(JSON.stringify(lines)); process.exit(0) }, 50)
    `
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    const code = await new Promise((resolve) => child.on('exit', resolve))
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual([expect.stringContaining('boom in a timer')])
  })
})
