// The deb's postinst and postrm (build/deb/, electron-builder.yml deb.afterInstall and
// afterRemove), filled in as electron-builder fills them in. The postrm runs here with
// the commands it calls replaced by recorders: on remove and purge it undoes only what
// the postinst did to system paths; users' settings stay.
import { execFile } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)

/** electron-builder's macro expansion (FpmTarget's writeConfigFile). */
async function rendered(script: string): Promise<string> {
  const macros: Record<string, string> = {
    executable: 'call-tray',
    sanitizedProductName: 'Call Tray',
  }
  const template = await readFile(path.join(ROOT, 'build', 'deb', script), 'utf8')
  return template.replace(/\$\{([a-zA-Z]+)\}/g, (_match, name: string) => {
    const value = macros[name]
    if (value === undefined) throw new Error(`Macro ${name} is not defined`)
    return value
  })
}

let work: string
let stubs: string
let home: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'call-tray-deb-'))
  stubs = path.join(work, 'bin')
  home = path.join(work, 'home', 'agent')
  await mkdir(stubs, { recursive: true })
  await mkdir(path.join(home, '.config', 'Call Tray'), { recursive: true })
  await writeFile(path.join(home, '.config', 'Call Tray', 'settings.json'), '{}')
  // Each command the scripts may call records its arguments; apparmor says "not enabled".
  for (const command of ['update-alternatives', 'rm', 'ln', 'chmod', 'cp', 'apparmor_parser']) {
    await writeFile(
      path.join(stubs, command),
      `#!/bin/sh\necho "${command} $*" >> "${work}/calls"\n`,
    )
    await chmod(path.join(stubs, command), 0o755)
  }
  await writeFile(path.join(stubs, 'apparmor_status'), '#!/bin/sh\nexit 1\n')
  await chmod(path.join(stubs, 'apparmor_status'), 0o755)
})

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

async function postrm(action: string): Promise<string[]> {
  const script = path.join(work, 'postrm')
  await writeFile(script, await rendered('after-remove.sh'))
  await rm(path.join(work, 'calls'), { force: true })
  await run('bash', [script, action], {
    env: { PATH: `${stubs}:/usr/bin:/bin`, HOME: home },
  })
  const calls = await readFile(path.join(work, 'calls'), 'utf8').catch(() => '')
  return calls.split('\n').filter((line) => line !== '')
}

describe('the deb maintainer scripts', () => {
  it.each(['after-install.sh', 'after-remove.sh'])(
    '%s is valid bash once filled in',
    async (file) => {
      const script = path.join(work, `check-${file}`)
      await writeFile(script, await rendered(file))
      await expect(run('bash', ['-n', script])).resolves.toBeDefined()
    },
  )

  it('touch nothing in home folders, by any name', async () => {
    for (const file of ['after-install.sh', 'after-remove.sh']) {
      const code = (await rendered(file))
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('#'))
        .join('\n')
      expect(code, file).not.toMatch(/\$HOME|~\/|\/home\b|\/root\b|\.config|getent|passwd/)
    }
  })

  it.each(['remove', 'purge'])('on %s, remove only the PATH link', async (action) => {
    expect(await postrm(action)).toEqual([
      'update-alternatives --remove call-tray /opt/Call Tray/call-tray',
    ])
    await expect(
      readFile(path.join(home, '.config', 'Call Tray', 'settings.json'), 'utf8'),
    ).resolves.toBe('{}')
  })

  it.each(['upgrade', 'failed-upgrade', 'abort-install'])('on %s, do nothing', async (action) => {
    expect(await postrm(action)).toEqual([])
  })
})
