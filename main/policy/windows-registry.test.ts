// reg.exe's text output, as Windows prints it, into the policy model.
import { describe, expect, it } from 'vitest'
import { parseRegQuery, policyFromRegistry, registryPolicySource } from './windows-registry'

const LISTING = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Call Tray',
  '    serverUrl    REG_SZ    https://chat.corp.example/chat',
  '    StartAtLogin    REG_DWORD    0x1',
  '    pollFloorSeconds    REG_DWORD    0xa',
  '    locked    REG_MULTI_SZ    serverUrl\\0pause',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Call Tray\\ringtone',
  '    enabled    REG_DWORD    0x0',
  '    volumePercent    REG_DWORD    0x3c',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Call Tray\\Updates',
  '    feedUrl    REG_SZ    https://updates.corp.example/call tray/',
  '    channel    REG_SZ    ',
  '',
].join('\r\n')

describe('parseRegQuery', () => {
  it('reads keys below the queried one and their typed values', () => {
    expect(parseRegQuery(LISTING)).toEqual({
      ok: true,
      value: [
        {
          path: [],
          values: [
            { name: 'serverUrl', type: 'REG_SZ', data: 'https://chat.corp.example/chat' },
            { name: 'StartAtLogin', type: 'REG_DWORD', data: '0x1' },
            { name: 'pollFloorSeconds', type: 'REG_DWORD', data: '0xa' },
            { name: 'locked', type: 'REG_MULTI_SZ', data: 'serverUrl\\0pause' },
          ],
        },
        {
          path: ['ringtone'],
          values: [
            { name: 'enabled', type: 'REG_DWORD', data: '0x0' },
            { name: 'volumePercent', type: 'REG_DWORD', data: '0x3c' },
          ],
        },
        {
          path: ['Updates'],
          values: [
            { name: 'feedUrl', type: 'REG_SZ', data: 'https://updates.corp.example/call tray/' },
            { name: 'channel', type: 'REG_SZ', data: '' },
          ],
        },
      ],
    })
  })

  it('skips the unnamed default value, whatever the language calls it', () => {
    const text = 'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\Call Tray\n    (Standard)    REG_SZ    x\n'
    expect(parseRegQuery(text)).toEqual({ ok: true, value: [{ path: [], values: [] }] })
  })

  it('refuses output it does not understand', () => {
    expect(parseRegQuery('HKEY_LOCAL_MACHINE\\X\n    garbage\n')).toEqual({
      ok: false,
      error: 'reg.exe printed a line that is not a value: garbage',
    })
    expect(parseRegQuery('HKEY_LOCAL_MACHINE\\X\nHKEY_CURRENT_USER\\Y\n').ok).toBe(false)
  })
})

describe('policyFromRegistry', () => {
  it('turns DWORDs into booleans and numbers, MULTI_SZ into lists; names match in any case', () => {
    const keys = parseRegQuery(LISTING)
    expect(keys.ok && policyFromRegistry(keys.value)).toEqual({
      ok: true,
      value: {
        serverUrl: 'https://chat.corp.example/chat',
        startAtLogin: true,
        pollFloorSeconds: 10,
        locked: ['serverUrl', 'pause'],
        ringtone: { enabled: false, volumePercent: 60 },
        updates: { feedUrl: 'https://updates.corp.example/call tray/', channel: '' },
      },
    })
  })

  it.each([
    [[], { name: 'serverURI', type: 'REG_SZ', data: 'x' }, 'unknown policy value serverURI'],
    [
      ['ringtone'],
      { name: 'device', type: 'REG_SZ', data: 'x' },
      'unknown policy value ringtone\\device',
    ],
    [
      ['extra'],
      { name: 'enabled', type: 'REG_DWORD', data: '0x1' },
      'unknown policy value extra\\enabled',
    ],
    [
      [],
      { name: 'startAtLogin', type: 'REG_SZ', data: '1' },
      'startAtLogin must be a REG_DWORD, not REG_SZ',
    ],
    [
      [],
      { name: 'startAtLogin', type: 'REG_DWORD', data: '0x2' },
      'startAtLogin must be 0 or 1, not 2',
    ],
    [
      [],
      { name: 'serverUrl', type: 'REG_EXPAND_SZ', data: '%X%' },
      'serverUrl must be a REG_SZ, not REG_EXPAND_SZ',
    ],
    [
      [],
      { name: 'locked', type: 'REG_SZ', data: 'serverUrl' },
      'locked must be a REG_MULTI_SZ, not REG_SZ',
    ],
    [
      [],
      { name: 'pollFloorSeconds', type: 'REG_DWORD', data: '5' },
      'pollFloorSeconds is not a REG_DWORD number (5)',
    ],
  ])('refuses %j %j', (path, value, error) => {
    expect(policyFromRegistry([{ path, values: [value] }])).toEqual({ ok: false, error })
  })
})

describe('registryPolicySource', () => {
  it('asks reg.exe for the key with its subkeys; exit code 1 (no key) is no policy', async () => {
    const asked: string[] = []
    const source = registryPolicySource('HKCU\\SOFTWARE\\Policies\\Call Tray', async (key) => {
      asked.push(key)
      return { code: 1, stdout: '' }
    })
    expect(await source.read()).toEqual({ ok: true, value: null })
    expect(asked).toEqual(['HKCU\\SOFTWARE\\Policies\\Call Tray'])
  })
})
