// The real file system behind the owner and mode checks: what lstat reports and that
// the read itself refuses a symbolic link swapped in after the check.
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { temporaryFolder } from '../../test/session/support'
import { nodePolicyFileSystem, readTrustedFile } from './trusted-file'

const folders: (() => void)[] = []
afterEach(() => folders.splice(0).forEach((remove) => remove()))

function folder(): string {
  const { dir, remove } = temporaryFolder()
  folders.push(remove)
  return dir
}

describe('nodePolicyFileSystem', () => {
  it('reports owner, mode and kind of the path itself, and null for nothing', async () => {
    const dir = folder()
    const file = path.join(dir, 'policy.json')
    writeFileSync(file, '{}')
    chmodSync(file, 0o640)
    symlinkSync(file, path.join(dir, 'link.json'))
    const facts = await nodePolicyFileSystem.lstat(file)
    expect(facts).toMatchObject({ uid: process.getuid?.(), size: 2, isFile: true })
    expect((facts?.mode ?? 0) & 0o777).toBe(0o640)
    expect(await nodePolicyFileSystem.lstat(path.join(dir, 'link.json'))).toMatchObject({
      isSymbolicLink: true,
      isFile: false,
    })
    expect(await nodePolicyFileSystem.lstat(path.join(dir, 'missing', 'policy.json'))).toBeNull()
    expect(await nodePolicyFileSystem.lstat(path.join(file, 'below'))).toBeNull()
  })

  it('refuses to read through a symbolic link', async () => {
    const dir = folder()
    writeFileSync(path.join(dir, 'target.json'), '{}')
    symlinkSync(path.join(dir, 'target.json'), path.join(dir, 'policy.json'))
    await expect(
      nodePolicyFileSystem.readFile(path.join(dir, 'policy.json')),
    ).rejects.toMatchObject({
      code: 'ELOOP',
    })
  })
})

describe('readTrustedFile', () => {
  it('refuses a real file in a folder anyone can write', async () => {
    const dir = path.join(folder(), 'call-tray')
    mkdirSync(dir)
    chmodSync(dir, 0o777)
    writeFileSync(path.join(dir, 'policy.json'), '{}')
    const read = await readTrustedFile(path.join(dir, 'policy.json'), nodePolicyFileSystem)
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^not trusted: its folder /) })
  })
})
