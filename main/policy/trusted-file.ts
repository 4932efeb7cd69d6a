// A policy file counts only where only root could have written it: the file and its
// folder owned by root and writable by no group or other user, and neither of them a
// symbolic link (a link could point anywhere a user can write). Anything else present
// there is refused with the reason, never read.
import { constants } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import path from 'node:path'
import { err, ok, type Result } from '../core/result'

export const MAX_POLICY_BYTES = 64 * 1024

export interface FileFacts {
  uid: number
  mode: number
  size: number
  isFile: boolean
  isDirectory: boolean
  isSymbolicLink: boolean
}

/** The few file-system calls a policy file needs, so tests can hand in any owner and mode. */
export interface PolicyFileSystem {
  /** Facts about the path itself (not a link's target); null when nothing is there. */
  lstat(filePath: string): Promise<FileFacts | null>
  /** The bytes, refusing to follow a symbolic link at the last step. */
  readFile(filePath: string): Promise<Buffer>
}

const GROUP_OR_OTHER_WRITABLE = 0o022
const ROOT = 0

function untrusted(facts: FileFacts, what: string, kind: 'file' | 'folder'): string | null {
  if (facts.isSymbolicLink) return `${what} is a symbolic link`
  if (kind === 'file' ? !facts.isFile : !facts.isDirectory) return `${what} is not a ${kind}`
  if (facts.uid !== ROOT) return `${what} is owned by uid ${facts.uid}, not root`
  if (facts.mode & GROUP_OR_OTHER_WRITABLE) {
    return `${what} is writable by others (mode ${(facts.mode & 0o777).toString(8)})`
  }
  return null
}

/** ok(null) when there is no file; err with the reason when it is there but not trusted. */
export async function readTrustedFile(
  filePath: string,
  fs: PolicyFileSystem,
): Promise<Result<Buffer | null, string>> {
  const file = await fs.lstat(filePath)
  if (!file) return ok(null)
  const folder = await fs.lstat(path.dirname(filePath))
  const refused =
    (folder ? untrusted(folder, 'its folder', 'folder') : 'its folder is missing') ??
    untrusted(file, 'the file', 'file')
  if (refused) return err(`not trusted: ${refused}`)
  if (file.size > MAX_POLICY_BYTES) return err(`larger than ${MAX_POLICY_BYTES} bytes`)
  return ok(await fs.readFile(filePath))
}

export const nodePolicyFileSystem: PolicyFileSystem = {
  async lstat(filePath) {
    try {
      const stats = await lstat(filePath)
      return {
        uid: stats.uid,
        mode: stats.mode,
        size: stats.size,
        isFile: stats.isFile(),
        isDirectory: stats.isDirectory(),
        isSymbolicLink: stats.isSymbolicLink(),
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return null
      throw error
    }
  },
  async readFile(filePath) {
    // O_NOFOLLOW: a file swapped for a link between the check and the read is refused.
    const handle = await open(filePath, constants.O_RDONLY | constants.O_NOFOLLOW)
    try {
      return await handle.readFile()
    } finally {
      await handle.close()
    }
  },
}
