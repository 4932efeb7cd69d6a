// `--show-policy`: the settings the administrator's policy makes effective on this
// machine and where each comes from, as one JSON line, through the same sources and
// checks as the app. Exit 0, or 1 with the reason when the policy fails closed.
import { policyUnreadableText } from '../../common/policy-text'
import { jsonPolicyFile } from '../policy/linux-policy-file'
import { POLICY_DEFAULTS, POLICY_FIELDS } from '../policy/policy-schema'
import { policySources, systemPolicyPorts } from '../policy/policy-sources'
import {
  resolvePolicy,
  valueAt,
  type EffectivePolicy,
  type PolicyLog,
  type PolicySource,
} from '../policy/resolve-policy'
import { nodePolicyFileSystem } from '../policy/trusted-file'

export type PolicyLine =
  | {
      type: 'policy'
      settings: Record<string, { value: unknown; source: string }>
      /** Locked setting → the source that locked it. */
      locked: Record<string, string>
    }
  | { type: 'policy'; error: string; reason: string }

/** A file given with --policy-file replaces the system's sources, under the same rules. */
export function headlessPolicySources(policyFile: string | null): PolicySource[] {
  if (policyFile !== null) return [jsonPolicyFile(policyFile, nodePolicyFileSystem)]
  return policySources(process.platform, systemPolicyPorts(process.env))
}

export function describePolicy(policy: EffectivePolicy): PolicyLine {
  const settings: Record<string, { value: unknown; source: string }> = {}
  for (const field of POLICY_FIELDS) {
    if (field.key === 'locked') continue
    const origin = policy.origins.get(field.key)
    settings[field.key] =
      origin === undefined
        ? { value: POLICY_DEFAULTS[field.key], source: 'default' }
        : { value: valueAt(policy.values, field.path), source: `policy:${origin}` }
  }
  const locked = Object.fromEntries(
    [...policy.lockOrigins].map(([key, origin]) => [key, `policy:${origin}`]),
  )
  return { type: 'policy', settings, locked }
}

export async function showPolicy(
  sources: readonly PolicySource[],
  log: PolicyLog,
): Promise<number> {
  const resolved = await resolvePolicy(sources, log)
  const line: PolicyLine = resolved.ok
    ? describePolicy(resolved.policy)
    : { type: 'policy', error: policyUnreadableText(), reason: resolved.reason }
  process.stdout.write(`${JSON.stringify(line)}\n`)
  return resolved.ok ? 0 : 1
}
