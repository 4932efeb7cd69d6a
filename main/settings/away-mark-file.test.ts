import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AWAY_MARK_FILE_NAME, awayAccount, awayMarkFile } from './away-mark-file'

const folder = () => mkdtempSync(path.join(tmpdir(), 'call-tray-away-'))

describe('missed-calls.json', () => {
  it('keeps the mark readable by the agent only, and reads it back', () => {
    const dir = folder()
    const mark = {
      account: awayAccount('https://chat.example.com', 'u1'),
      newestTs: 5,
      knownIds: ['c1'],
    }
    awayMarkFile(dir).save(mark)
    expect(awayMarkFile(dir).load()).toEqual(mark)
    const file = path.join(dir, AWAY_MARK_FILE_NAME)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file, 'utf8')).not.toContain('u1')
  })

  it('ignores a damaged file, saying so, and starts a new mark', () => {
    const dir = folder()
    writeFileSync(path.join(dir, AWAY_MARK_FILE_NAME), '{"account": ')
    const warnings: string[] = []
    expect(awayMarkFile(dir, (message) => warnings.push(message)).load()).toBeNull()
    expect(warnings).toEqual([
      'missed-calls.json is unreadable; missed calls are counted from now on.',
    ])
    expect(awayMarkFile(folder()).load()).toBeNull()
  })
})
