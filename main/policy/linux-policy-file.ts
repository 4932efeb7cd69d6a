// Linux: /etc/call-tray/policy.json, the JSON form of the policy model.
import { err, ok, type Result } from '../core/result'
import type { PolicySource } from './resolve-policy'
import { readTrustedFile, type PolicyFileSystem } from './trusted-file'

export const LINUX_POLICY_FILE = '/etc/call-tray/policy.json'

export function jsonPolicyFile(filePath: string, fs: PolicyFileSystem): PolicySource {
  return {
    label: filePath,
    async read() {
      const bytes = await readTrustedFile(filePath, fs)
      if (!bytes.ok || bytes.value === null) return bytes
      return parsePolicyJson(bytes.value.toString('utf8'))
    },
  }
}

export function parsePolicyJson(text: string): Result<unknown, string> {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    return err(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  // JSON has no comments: "$comment" is the conventional place for a note, and only that.
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const policy = { ...(raw as Record<string, unknown>) }
    delete policy['$comment']
    return ok(policy)
  }
  return ok(raw)
}
