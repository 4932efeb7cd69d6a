// `--show-policy` as a process: one JSON line with every setting and where it comes
// from, exit 0; or the fail-closed sentence and reason, exit 1.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LINUX_POLICY_FILE } from '../../main/policy/linux-policy-file'
import { temporaryFolder } from '../session/support'
import { runHeadless, type HeadlessProcess } from './headless-process'

const running: HeadlessProcess[] = []
const folders: (() => void)[] = []
afterEach(() => {
  for (const process of running.splice(0)) process.child.kill('SIGKILL')
  folders.splice(0).forEach((remove) => remove())
})

function start(args: string[]) {
  const process = runHeadless(args)
  running.push(process)
  return process
}

/** A policy file in a folder of its own, with the modes a test asks for. */
function policyFile(json: unknown, modes: { file: number; folder: number }): string {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  const folder = path.join(dir, 'call-tray')
  mkdirSync(folder)
  const file = path.join(folder, 'policy.json')
  writeFileSync(file, JSON.stringify(json))
  chmodSync(file, modes.file)
  chmodSync(folder, modes.folder)
  return file
}

const corporate = {
  serverUrl: 'https://chat.corp.example',
  ringtone: { volumePercent: 40 },
  updates: { feedUrl: 'https://updates.corp.example/call-tray/', deferHours: 24 },
  locked: ['serverUrl', 'pause'],
}

describe('headless --show-policy', () => {
  it('prints the defaults when this machine has no policy', async () => {
    expect(existsSync(LINUX_POLICY_FILE), `${LINUX_POLICY_FILE} exists on this machine`).toBe(false)
    const process = start(['--show-policy'])
    expect(await process.exited).toBe(0)
    expect(process.lines).toEqual([
      {
        type: 'policy',
        settings: {
          serverUrl: { value: null, source: 'default' },
          notifyOutgoingCalls: { value: false, source: 'default' },
          'ringtone.enabled': { value: true, source: 'default' },
          'ringtone.volumePercent': { value: 80, source: 'default' },
          startAtLogin: { value: false, source: 'default' },
          pollFloorSeconds: { value: 3, source: 'default' },
          ringOnDevice: { value: '', source: 'default' },
          'escalation.afterSeconds': { value: 10, source: 'default' },
          'escalation.flashTaskbar': { value: true, source: 'default' },
          'escalation.showWindow': { value: true, source: 'default' },
          'escalation.fullVolume': { value: true, source: 'default' },
          language: { value: 'system', source: 'default' },
          'updates.enabled': { value: true, source: 'default' },
          'updates.feedUrl': { value: null, source: 'default' },
          'updates.channel': { value: null, source: 'default' },
          'updates.deferHours': { value: 0, source: 'default' },
        },
        locked: {},
      },
    ])
    expect(process.stderr()).toMatch(/No admin policy applies\./)
  })

  it('says where each setting comes from; a file only root can write is trusted', async () => {
    const file = policyFile(corporate, { file: 0o644, folder: 0o755 })
    const process = start(['--show-policy', '--policy-file', file])
    const uid = globalThis.process.getuid?.()
    if (uid !== 0) {
      // Owned by whoever runs the tests: refused, which is the rule working.
      expect(await process.exited).toBe(1)
      expect(process.lines[0]).toMatchObject({ reason: expect.stringContaining(`uid ${uid}`) })
      return
    }
    expect(await process.exited).toBe(0)
    const source = `policy:${file}`
    expect(process.lines).toHaveLength(1)
    expect(process.lines[0]).toMatchObject({
      type: 'policy',
      settings: {
        serverUrl: { value: 'https://chat.corp.example', source },
        'ringtone.enabled': { value: true, source: 'default' },
        'ringtone.volumePercent': { value: 40, source },
        'updates.feedUrl': { value: 'https://updates.corp.example/call-tray/', source },
        'updates.deferHours': { value: 24, source },
        'updates.channel': { value: null, source: 'default' },
      },
      locked: { serverUrl: source, pause: source },
    })
  })

  it.each([
    [
      'a world-writable file',
      corporate,
      { file: 0o666, folder: 0o755 },
      /the file is writable by others/,
    ],
    [
      'a folder anyone can write',
      corporate,
      { file: 0o644, folder: 0o777 },
      /its folder is writable by others/,
    ],
  ])('exits 1 with the reason on %s', async (_case, json, modes, reason) => {
    const file = policyFile(json, modes)
    const process = start(['--show-policy', '--policy-file', file])
    expect(await process.exited).toBe(1)
    expect(process.lines).toEqual([
      {
        type: 'policy',
        error: 'Your administrator’s Call Tray policy could not be read',
        reason: expect.stringMatching(reason),
      },
    ])
    expect(process.stderr()).toMatch(/will not sign in until it is fixed/)
  })

  it('refuses --policy-file without --show-policy', async () => {
    const process = start(['--policy-file', '/tmp/x.json'])
    expect(await process.exited).toBe(2)
    expect(process.stderr()).toMatch(/--policy-file goes with --show-policy/)
  })
})
