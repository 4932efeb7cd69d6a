// settings.json before it is opened: corrupt files are moved aside (never a crash,
// never silently wiped), older shapes are migrated, good files are left alone.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recordingLog, temporaryFolder } from '../../test/session/support'
import { prepareSettingsFile } from './settings-file'

const NOW = Date.UTC(2026, 3, 30, 13, 30, 0)
const BACKUP = 'settings.json.corrupt-2026-04-30T13-30-00-000Z'
const folders: (() => void)[] = []

afterEach(() => folders.splice(0).forEach((remove) => remove()))

function setup(content?: string) {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  const file = path.join(dir, 'settings.json')
  if (content !== undefined) writeFileSync(file, content)
  const log = recordingLog()
  const prepare = () => prepareSettingsFile(file, { now: () => NOW, log })
  return { dir, file, log, prepare }
}

describe('prepareSettingsFile', () => {
  it('does nothing when there is no file yet', () => {
    const { file, prepare } = setup()
    expect(prepare()).toBe('missing')
    expect(existsSync(file)).toBe(false)
  })

  it('leaves a valid file byte for byte as it is', () => {
    const text = JSON.stringify({ version: 1, settings: { startAtLogin: true } })
    const { file, prepare } = setup(text)
    expect(prepare()).toBe('current')
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('reads a file saved with a byte-order mark', () => {
    const { prepare } = setup(`\uFEFF${JSON.stringify({ version: 1 })}`)
    expect(prepare()).toBe('current')
  })

  it.each([
    ['invalid JSON', '{"version": 1, "settings": {', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    ['a JSON array', '[1, 2]', /not a JSON object/],
    [
      'a wrong type',
      JSON.stringify({ version: 1, settings: { pollFloorSeconds: 'fast' } }),
      /pollFloorSeconds/,
    ],
    [
      'a value out of range',
      JSON.stringify({ version: 1, settings: { pollFloorSeconds: 0 } }),
      /pollFloorSeconds/,
    ],
    ['an unknown setting', JSON.stringify({ version: 1, settings: { volume: 3 } }), /settings/],
    [
      'credentials that are not an object',
      JSON.stringify({ version: 1, credentials: 'token' }),
      /credentials/,
    ],
    ['a newer version', JSON.stringify({ version: 7 }), /newer Call Tray/],
    ['a version that is not a number', JSON.stringify({ version: 'one' }), /version/],
  ])('moves a file with %s aside and starts from defaults', (_case, text, reason) => {
    const { dir, file, log, prepare } = setup(text)
    expect(prepare()).toBe('reset')
    expect(existsSync(file)).toBe(false)
    expect(readFileSync(path.join(dir, BACKUP), 'utf8')).toBe(text)
    expect(log.lines).toEqual([expect.stringMatching(reason)])
    expect(log.lines[0]).toContain(BACKUP)
  })

  it.skipIf(process.platform === 'win32')(
    'keeps a moved-aside file, and one moved aside before, readable by this user only',
    () => {
      const { dir, file, prepare } = setup()
      const earlier = path.join(dir, 'settings.json.corrupt-2026-01-01T00-00-00-000Z')
      writeFileSync(earlier, '{', { mode: 0o644 })
      writeFileSync(file, '{"version": 1, "credentials": ', { mode: 0o644 })
      expect(prepare()).toBe('reset')
      expect(statSync(path.join(dir, BACKUP)).mode & 0o777).toBe(0o600)
      expect(statSync(earlier).mode & 0o777).toBe(0o600)
    },
  )

  it('migrates the version 0 prototype file and drops its clear-text token', () => {
    const v0 = {
      server: 'chat.example.com/home',
      notifyOutgoing: true,
      ringtoneEnabled: false,
      ringtoneVolume: 40,
      pollIntervalSeconds: 120,
      launchAtLogin: true,
      userId: 'iaZWAXecuCuBx4FnX',
      authToken: 'prototype-clear-token',
    }
    const { dir, file, log, prepare } = setup(JSON.stringify(v0))
    expect(prepare()).toBe('migrated')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      settings: {
        serverUrl: 'https://chat.example.com',
        notifyOutgoingCalls: true,
        ringtone: { enabled: false, volume: 0.4 },
        pollFloorSeconds: 60,
        startAtLogin: true,
      },
    })
    expect(readFileSync(file, 'utf8')).not.toContain('prototype-clear-token')
    expect(readdirSync(dir)).toEqual(['settings.json'])
    expect(log.lines).toEqual(['info Settings file upgraded from version 0.'])
  })

  it('drops what it cannot read from a version 0 file', () => {
    const { file, prepare } = setup(
      JSON.stringify({ server: 'http://chat.example.com', ringtoneVolume: 'loud' }),
    )
    expect(prepare()).toBe('migrated')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, settings: {} })
  })
})
