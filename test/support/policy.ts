// Policies for tests, built through the same check and merge as the real sources, and a
// file system whose owners and modes a test chooses.
import path from 'node:path'
import { LINUX_POLICY_FILE } from '../../main/policy/linux-policy-file'
import { checkAndMerge, type EffectivePolicy } from '../../main/policy/resolve-policy'
import type { FileFacts, PolicyFileSystem } from '../../main/policy/trusted-file'
import { adminPolicyFrom, type AdminPolicy } from '../../main/settings/admin-policy'

export function effectivePolicy(json: unknown, label = LINUX_POLICY_FILE): EffectivePolicy {
  const resolved = checkAndMerge([{ label, raw: json }])
  if (!resolved.ok) throw new Error(resolved.reason)
  return resolved.policy
}

export function adminPolicy(json: unknown, label = LINUX_POLICY_FILE): AdminPolicy {
  const policy = adminPolicyFrom(effectivePolicy(json, label))
  if (!policy) throw new Error('The policy sets nothing.')
  return policy
}

export interface FakeEntry {
  uid?: number
  mode?: number
  kind?: 'file' | 'folder' | 'link'
  text?: string
}

/** Paths → entries; folders are root-owned 0755 and files root-owned 0644 unless told. */
export function fakeFileSystem(entries: Record<string, FakeEntry>): PolicyFileSystem & {
  reads: string[]
} {
  const reads: string[] = []
  const facts = (entry: FakeEntry): FileFacts => {
    const kind = entry.kind ?? (entry.text === undefined ? 'folder' : 'file')
    return {
      uid: entry.uid ?? 0,
      mode: entry.mode ?? (kind === 'folder' ? 0o40755 : 0o100644),
      size: Buffer.byteLength(entry.text ?? ''),
      isFile: kind === 'file',
      isDirectory: kind === 'folder',
      isSymbolicLink: kind === 'link',
    }
  }
  return {
    reads,
    lstat: async (filePath) => {
      const entry = entries[filePath]
      if (entry) return facts(entry)
      // Parent folders of listed files exist, root-owned, unless listed themselves.
      const isParent = Object.keys(entries).some((other) => path.dirname(other) === filePath)
      return isParent ? facts({}) : null
    },
    readFile: async (filePath) => {
      reads.push(filePath)
      const text = entries[filePath]?.text
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' })
      return Buffer.from(text)
    },
  }
}
