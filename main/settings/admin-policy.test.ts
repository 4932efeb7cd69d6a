// The administrator's call-tray.json: where it is looked for, what it may say, and
// that a broken one is logged and ignored rather than stopping the app.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingLog, temporaryFolder } from '../../test/session/support'
import { adminPolicyPaths, loadAdminPolicy, parseAdminPolicy } from './admin-policy'

const folders: (() => void)[] = []
afterEach(() => folders.splice(0).forEach((remove) => remove()))

function folder(): string {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  return dir
}

describe('parseAdminPolicy', () => {
  it('reads the server, the locks and the defaults', () => {
    const text = JSON.stringify({
      $comment: 'Rolled out by IT, ticket 4711',
      serverUrl: 'https://chat.corp.example/chat/',
      locked: ['serverUrl', 'startAtLogin'],
      defaults: {
        startAtLogin: true,
        notifyOutgoingCalls: true,
        pollFloorSeconds: 10,
        ringtone: { volume: 0.3 },
      },
    })
    const parsed = parseAdminPolicy(text, '/etc/call-tray/call-tray.json')
    expect(parsed.ok && parsed.value).toEqual({
      source: '/etc/call-tray/call-tray.json',
      serverUrl: 'https://chat.corp.example/chat',
      locked: new Set(['serverUrl', 'startAtLogin']),
      defaults: {
        startAtLogin: true,
        notifyOutgoingCalls: true,
        pollFloorSeconds: 10,
        ringtone: { volume: 0.3 },
      },
    })
  })

  it('accepts an empty policy', () => {
    const parsed = parseAdminPolicy('{}', 'x')
    expect(parsed.ok && parsed.value).toEqual({
      source: 'x',
      serverUrl: null,
      locked: new Set(),
      defaults: {},
    })
  })

  it.each([
    ['invalid JSON', '{"serverUrl": ', /not valid JSON/],
    ['a misspelt key', JSON.stringify({ lock: ['startAtLogin'] }), /Unrecognized key/],
    ['an unknown setting in locked', JSON.stringify({ locked: ['theme'] }), /locked\.0/],
    [
      'a wrong type',
      JSON.stringify({ defaults: { startAtLogin: 'yes' } }),
      /defaults\.startAtLogin/,
    ],
    [
      'a poll floor out of range',
      JSON.stringify({ defaults: { pollFloorSeconds: 0 } }),
      /between 1 and 60/,
    ],
    [
      'a locked server without a server',
      JSON.stringify({ locked: ['serverUrl'] }),
      /must also give "serverUrl"/,
    ],
    [
      'a clear-text server address',
      JSON.stringify({ serverUrl: 'http://chat.corp.example' }),
      /serverUrl: Plain http/,
    ],
    [
      'the server among the defaults',
      JSON.stringify({ defaults: { serverUrl: 'x' } }),
      /Unrecognized key/,
    ],
  ])('refuses %s', (_case, text, reason) => {
    const parsed = parseAdminPolicy(text, 'x')
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(reason) })
  })
})

describe('adminPolicyPaths', () => {
  it('looks in /etc/call-tray and beside the executable on Linux', () => {
    expect(
      adminPolicyPaths({ platform: 'linux', env: {}, exePath: '/opt/Call Tray/call-tray' }),
    ).toEqual(['/etc/call-tray/call-tray.json', '/opt/Call Tray/call-tray.json'])
  })

  it('looks in ProgramData and beside the executable on Windows', () => {
    const where = {
      platform: 'win32' as const,
      env: { ProgramData: 'D:\\ProgramData' },
      exePath: 'C:\\Program Files\\Call Tray\\Call Tray.exe',
    }
    expect(adminPolicyPaths(where)).toEqual([
      'D:\\ProgramData\\Call Tray\\call-tray.json',
      'C:\\Program Files\\Call Tray\\call-tray.json',
    ])
    expect(adminPolicyPaths({ ...where, env: {} })[0]).toBe(
      'C:\\ProgramData\\Call Tray\\call-tray.json',
    )
  })

  it('looks in /Library/Application Support on macOS', () => {
    const exePath = '/Applications/Call Tray.app/Contents/MacOS/Call Tray'
    expect(adminPolicyPaths({ platform: 'darwin', env: {}, exePath })).toEqual([
      '/Library/Application Support/Call Tray/call-tray.json',
      '/Applications/Call Tray.app/Contents/MacOS/call-tray.json',
    ])
  })
})

describe('loadAdminPolicy', () => {
  it('is quietly absent when no file exists', () => {
    const dir = folder()
    const log = recordingLog()
    expect(
      loadAdminPolicy([path.join(dir, 'call-tray.json'), path.join(dir, 'missing', 'x.json')], {
        log,
      }),
    ).toBeNull()
    expect(log.lines).toEqual([])
  })

  it('applies the first valid file and logs what it locks', () => {
    const dir = folder()
    const file = path.join(dir, 'call-tray.json')
    writeFileSync(
      file,
      `\uFEFF${JSON.stringify({ serverUrl: 'chat.corp.example', locked: ['serverUrl'] })}`,
    )
    const log = recordingLog()
    const policy = loadAdminPolicy([file], { log })
    expect(policy?.serverUrl).toBe('https://chat.corp.example')
    expect(log.lines).toEqual([`info Admin policy ${file} applies; locked: serverUrl.`])
  })

  it('logs and ignores a broken file, then tries the next place', () => {
    const dir = folder()
    const broken = path.join(dir, 'system.json')
    const beside = path.join(dir, 'beside.json')
    writeFileSync(broken, '{ "serverUrl": "chat.corp.example", ')
    writeFileSync(beside, JSON.stringify({ locked: ['startAtLogin'] }))
    const log = recordingLog()
    const policy = loadAdminPolicy([broken, beside], { log })
    expect(policy?.source).toBe(beside)
    expect(log.lines[0]).toMatch(
      new RegExp(`^warn Admin policy ${broken} is broken \\(not valid JSON`),
    )
  })

  it('ignores a file that cannot be read or is far too large', () => {
    const log = recordingLog()
    const readFile = (file: string) => {
      if (file === 'denied') throw Object.assign(new Error('EACCES'), { code: 'EACCES' })
      return Buffer.alloc(100_000, 0x20)
    }
    expect(loadAdminPolicy(['denied', 'huge'], { log, readFile })).toBeNull()
    expect(log.lines).toEqual([
      'warn Admin policy denied cannot be read (EACCES); ignored.',
      'warn Admin policy huge is larger than 65536 bytes; ignored.',
    ])
  })
})
