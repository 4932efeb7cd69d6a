// The resolver against fake sources: what counts as an administrator's policy, that a
// policy present but unusable fails closed instead of falling through, and precedence.
import { describe, expect, it } from 'vitest'
import { fakeFileSystem } from '../../test/support/policy'
import { ok } from '../core/result'
import { LINUX_POLICY_FILE } from './linux-policy-file'
import { policySources, type PolicyPorts } from './policy-sources'
import { resolvePolicy, type PolicySource } from './resolve-policy'
import type { RegQueryOutput } from './windows-registry'

const HKLM = 'HKLM\\SOFTWARE\\Policies\\Call Tray'
const HKCU = 'HKCU\\SOFTWARE\\Policies\\Call Tray'
const noKey: RegQueryOutput = { code: 1, stdout: '' }

function ports(overrides: Partial<PolicyPorts>): PolicyPorts {
  return {
    fs: fakeFileSystem({}),
    regQuery: async () => noKey,
    plistToJson: async () => {
      throw new Error('no plist here')
    },
    userName: 'agent',
    ...overrides,
  }
}

function logLines() {
  const lines: string[] = []
  return {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  }
}

function linux(entries: Parameters<typeof fakeFileSystem>[0]) {
  return policySources('linux', ports({ fs: fakeFileSystem(entries) }))
}

const corporate = JSON.stringify({ serverUrl: 'https://chat.corp.example', locked: ['serverUrl'] })

describe('resolvePolicy on Linux', () => {
  it('reads only /etc/call-tray/policy.json, root-owned and writable by root only', async () => {
    const log = logLines()
    const resolved = await resolvePolicy(linux({ [LINUX_POLICY_FILE]: { text: corporate } }), log)
    expect(resolved.ok && resolved.policy.values).toEqual({
      serverUrl: 'https://chat.corp.example',
      locked: ['serverUrl'],
    })
    expect(resolved.ok && Object.fromEntries(resolved.policy.origins)).toEqual({
      serverUrl: LINUX_POLICY_FILE,
    })
    expect(log.lines).toEqual([
      `info Admin policy from ${LINUX_POLICY_FILE} applies: serverUrl; locked: serverUrl.`,
    ])
  })

  it('is no policy at all when the file does not exist', async () => {
    const log = logLines()
    const resolved = await resolvePolicy(linux({}), log)
    expect(resolved).toEqual({
      ok: true,
      policy: { values: {}, origins: new Map(), lockOrigins: new Map() },
    })
    expect(log.lines).toEqual(['info No admin policy applies.'])
  })

  it.each([
    [
      'owned by a user',
      { [LINUX_POLICY_FILE]: { text: corporate, uid: 1000 } },
      /the file is owned by uid 1000, not root/,
    ],
    [
      'world-writable',
      { [LINUX_POLICY_FILE]: { text: corporate, mode: 0o100666 } },
      /the file is writable by others \(mode 666\)/,
    ],
    ['group-writable', { [LINUX_POLICY_FILE]: { text: corporate, mode: 0o100664 } }, /mode 664/],
    [
      'in a folder a user owns',
      { '/etc/call-tray': { uid: 1000 }, [LINUX_POLICY_FILE]: { text: corporate } },
      /its folder is owned by uid 1000/,
    ],
    [
      'in a world-writable folder',
      { '/etc/call-tray': { mode: 0o41777 }, [LINUX_POLICY_FILE]: { text: corporate } },
      /its folder is writable by others \(mode 777\)/,
    ],
    [
      'a symbolic link',
      { [LINUX_POLICY_FILE]: { kind: 'link', text: corporate } },
      /the file is a symbolic link/,
    ],
    [
      'a folder where the file should be',
      { [LINUX_POLICY_FILE]: { kind: 'folder' } },
      /the file is not a file/,
    ],
  ] as const)('fails closed on a file %s, without reading it', async (_case, entries, reason) => {
    const fs = fakeFileSystem(entries)
    const log = logLines()
    const resolved = await resolvePolicy(policySources('linux', ports({ fs })), log)
    expect(resolved).toEqual({ ok: false, reason: expect.stringMatching(reason) })
    expect(fs.reads).toEqual([])
    expect(log.lines).toEqual([
      expect.stringMatching(
        /^error Admin policy \/etc\/call-tray\/policy\.json: not trusted: .*\. Call Tray will not sign in until it is fixed\.$/,
      ),
    ])
  })

  it.each([
    ['bad JSON', '{ "serverUrl": ', /policy\.json: not valid JSON/],
    [
      'an unknown key',
      JSON.stringify({ serverURL: 'https://x.example' }),
      /unknown policy serverURL/,
    ],
    [
      'an unknown nested key',
      JSON.stringify({ updates: { feed: 'x' } }),
      /unknown policy updates\.feed/,
    ],
    ['a wrong type', JSON.stringify({ startAtLogin: 'yes' }), /startAtLogin: /],
    ['a value out of range', JSON.stringify({ pollFloorSeconds: 0 }), /pollFloorSeconds: /],
    [
      'a clear-text server',
      JSON.stringify({ serverUrl: 'http://chat.corp.example' }),
      /serverUrl: not a server address/,
    ],
    [
      'a clear-text update feed',
      JSON.stringify({ updates: { feedUrl: 'http://u.example' } }),
      /updates\.feedUrl: not an https/,
    ],
    ['an unknown setting in locked', JSON.stringify({ locked: ['theme'] }), /locked\.0/],
    [
      'a locked server without a server',
      JSON.stringify({ locked: ['serverUrl'] }),
      /serverUrl is locked, but no policy gives serverUrl/,
    ],
    ['not an object', '[]', /policy: /],
    ['far too large a file', ' '.repeat(70_000), /larger than 65536 bytes/],
  ])('fails closed on a system file with %s', async (_case, text, reason) => {
    const resolved = await resolvePolicy(linux({ [LINUX_POLICY_FILE]: { text } }), logLines())
    expect(resolved).toEqual({ ok: false, reason: expect.stringMatching(reason) })
  })

  it('takes a $comment and a byte-order mark in its stride', async () => {
    const text = `\uFEFF${JSON.stringify({ $comment: 'IT ticket 4711', startAtLogin: true })}`
    const resolved = await resolvePolicy(linux({ [LINUX_POLICY_FILE]: { text } }), logLines())
    expect(resolved.ok && resolved.policy.values).toEqual({ startAtLogin: true })
  })

  it('never looks beside the executable or in a folder the environment names', async () => {
    const sources = policySources('linux', ports({}))
    expect(sources.map((source) => source.label)).toEqual([LINUX_POLICY_FILE])
  })
})

const regOutput = (key: string, lines: string[]) => ({
  code: 0,
  stdout: `\r\n${key.replace(/^HKLM/, 'HKEY_LOCAL_MACHINE').replace(/^HKCU/, 'HKEY_CURRENT_USER')}\r\n${lines.join('\r\n')}\r\n\r\n`,
})

describe('resolvePolicy on Windows', () => {
  it('prefers HKLM over HKCU key by key, and adds up the locks of both', async () => {
    const registry: Record<string, RegQueryOutput> = {
      [HKLM]: regOutput(HKLM, [
        '    serverUrl    REG_SZ    https://chat.corp.example',
        '    locked    REG_MULTI_SZ    serverUrl',
      ]),
      [HKCU]: regOutput(HKCU, [
        '    serverUrl    REG_SZ    https://phishing.example',
        '    startAtLogin    REG_DWORD    0x1',
        '    locked    REG_MULTI_SZ    serverUrl\\0startAtLogin',
      ]),
    }
    const sources = policySources(
      'win32',
      ports({ regQuery: async (key) => registry[key] ?? noKey }),
    )
    const resolved = await resolvePolicy(sources, logLines())
    expect(resolved.ok && resolved.policy.values).toEqual({
      serverUrl: 'https://chat.corp.example',
      startAtLogin: true,
      locked: ['serverUrl', 'startAtLogin'],
    })
    expect(resolved.ok && Object.fromEntries(resolved.policy.origins)).toEqual({
      serverUrl: HKLM,
      startAtLogin: HKCU,
    })
    expect(resolved.ok && Object.fromEntries(resolved.policy.lockOrigins)).toEqual({
      serverUrl: HKLM,
      startAtLogin: HKCU,
    })
  })

  it('fails closed on a broken HKLM policy instead of falling through to HKCU', async () => {
    const registry: Record<string, RegQueryOutput> = {
      [HKLM]: regOutput(HKLM, ['    pollFloorSeconds    REG_SZ    5']),
      [HKCU]: regOutput(HKCU, ['    serverUrl    REG_SZ    https://phishing.example']),
    }
    const sources = policySources(
      'win32',
      ports({ regQuery: async (key) => registry[key] ?? noKey }),
    )
    expect(await resolvePolicy(sources, logLines())).toEqual({
      ok: false,
      reason: `${HKLM}: pollFloorSeconds must be a REG_DWORD, not REG_SZ`,
    })
  })

  it('fails closed when reg.exe cannot run or fails otherwise', async () => {
    const failing = policySources(
      'win32',
      ports({ regQuery: async () => ({ code: 5, stdout: '' }) }),
    )
    expect(await resolvePolicy(failing, logLines())).toEqual({
      ok: false,
      reason: `${HKLM}: reg.exe failed with exit code 5`,
    })
    const missing = policySources(
      'win32',
      ports({
        regQuery: async () => {
          throw new Error('spawn reg.exe ENOENT')
        },
      }),
    )
    expect(await resolvePolicy(missing, logLines())).toEqual({
      ok: false,
      reason: `${HKLM}: cannot be read (spawn reg.exe ENOENT)`,
    })
  })
})

describe('resolvePolicy on macOS', () => {
  const device = '/Library/Managed Preferences/com.calltray.app.plist'
  const user = '/Library/Managed Preferences/agent/com.calltray.app.plist'

  it('reads the forced preferences of the device, then of the user', async () => {
    const fs = fakeFileSystem({ [device]: { text: 'bplist00…' }, [user]: { text: 'bplist00…' } })
    const plists: Record<string, unknown> = {
      [device]: { serverUrl: 'https://chat.corp.example' },
      [user]: { serverUrl: 'https://other.example', ringtone: { volumePercent: 40 } },
    }
    const sources = policySources(
      'darwin',
      ports({
        fs,
        plistToJson: async (file) => JSON.stringify(plists[file]),
      }),
    )
    const resolved = await resolvePolicy(sources, logLines())
    expect(resolved.ok && resolved.policy.values).toEqual({
      serverUrl: 'https://chat.corp.example',
      ringtone: { volumePercent: 40 },
    })
    expect(resolved.ok && resolved.policy.origins.get('ringtone.volumePercent')).toBe(user)
  })

  it('refuses a managed-preferences file a user could have written', async () => {
    const fs = fakeFileSystem({ [user]: { text: 'x', uid: 501 } })
    const sources = policySources('darwin', ports({ fs, plistToJson: async () => '{}' }))
    expect(await resolvePolicy(sources, logLines())).toEqual({
      ok: false,
      reason: `${user}: not trusted: the file is owned by uid 501, not root`,
    })
  })

  it('fails closed on a property list plutil cannot read', async () => {
    const fs = fakeFileSystem({ [device]: { text: 'garbage' } })
    const sources = policySources(
      'darwin',
      ports({
        fs,
        plistToJson: async () => {
          throw new Error('Property List error: Unexpected character')
        },
      }),
    )
    expect(await resolvePolicy(sources, logLines())).toEqual({
      ok: false,
      reason: `${device}: not a readable property list (Property List error: Unexpected character)`,
    })
  })
})

describe('resolvePolicy with any source', () => {
  it('fails closed on the first source that fails, whatever comes after it', async () => {
    const sources: PolicySource[] = [
      { label: 'first', read: async () => ({ ok: false, error: 'broken' }) },
      { label: 'second', read: async () => ok({ startAtLogin: true }) },
    ]
    expect(await resolvePolicy(sources, logLines())).toEqual({
      ok: false,
      reason: 'first: broken',
    })
  })
})
