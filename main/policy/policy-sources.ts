// Where this platform's policies live, most authoritative first. Nothing here is found
// through the environment or beside the executable: those are places a user can write.
import { userInfo } from 'node:os'
import { jsonPolicyFile, LINUX_POLICY_FILE } from './linux-policy-file'
import {
  managedPreferencesFiles,
  managedPreferencesSource,
  plutilToJson,
  type PlistToJson,
} from './macos-managed-preferences'
import type { PolicySource } from './resolve-policy'
import { nodePolicyFileSystem, type PolicyFileSystem } from './trusted-file'
import {
  regExeQuery,
  registryPolicySource,
  WINDOWS_POLICY_KEYS,
  type RegQuery,
} from './windows-registry'

export interface PolicyPorts {
  fs: PolicyFileSystem
  regQuery: RegQuery
  plistToJson: PlistToJson
  userName: string
}

export function systemPolicyPorts(env: NodeJS.ProcessEnv): PolicyPorts {
  return {
    fs: nodePolicyFileSystem,
    regQuery: regExeQuery(env),
    plistToJson: plutilToJson,
    userName: userInfo().username,
  }
}

export function policySources(platform: NodeJS.Platform, ports: PolicyPorts): PolicySource[] {
  switch (platform) {
    case 'win32':
      return WINDOWS_POLICY_KEYS.map((key) => registryPolicySource(key, ports.regQuery))
    case 'darwin':
      return managedPreferencesFiles(ports.userName).map((file) =>
        managedPreferencesSource(file, ports.fs, ports.plistToJson),
      )
    default:
      return [jsonPolicyFile(LINUX_POLICY_FILE, ports.fs)]
  }
}
