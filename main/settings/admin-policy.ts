// The settings part of the administrator's policy, as the settings store applies it:
// presets (starting values the agent may change) and locks. main/policy reads and
// checks the policy; this only translates the model into settings.
import type { EffectivePolicy } from '../policy/resolve-policy'
import type { SettingKey, Settings } from './settings-types'

export interface PolicyDefaults {
  notifyOutgoingCalls?: boolean
  ringtone?: Partial<Settings['ringtone']>
  startAtLogin?: boolean
  pollFloorSeconds?: number
  ringOn?: Settings['ringOn']
  escalation?: Partial<Settings['escalation']>
  language?: Settings['language']
}

export interface AdminPolicy {
  /** Where the policy came from, for the log. */
  source: string
  /** Normalized server base, or null when the policy does not preset one. */
  serverUrl: string | null
  locked: ReadonlySet<SettingKey>
  defaults: PolicyDefaults
}

/** Null when no source says anything, so the store runs exactly as without a policy. */
export function adminPolicyFrom(policy: EffectivePolicy): AdminPolicy | null {
  const { values, origins, lockOrigins } = policy
  if (origins.size === 0 && lockOrigins.size === 0) return null
  const ringtone: Partial<Settings['ringtone']> = {
    ...(values.ringtone?.enabled !== undefined && { enabled: values.ringtone.enabled }),
    ...(values.ringtone?.volumePercent !== undefined && {
      volume: values.ringtone.volumePercent / 100,
    }),
  }
  return {
    source: [...new Set([...origins.values(), ...lockOrigins.values()])].join(', '),
    serverUrl: values.serverUrl ?? null,
    locked: new Set(lockOrigins.keys()),
    defaults: {
      ...(values.notifyOutgoingCalls !== undefined && {
        notifyOutgoingCalls: values.notifyOutgoingCalls,
      }),
      ...(Object.keys(ringtone).length > 0 && { ringtone }),
      ...(values.startAtLogin !== undefined && { startAtLogin: values.startAtLogin }),
      ...(values.pollFloorSeconds !== undefined && { pollFloorSeconds: values.pollFloorSeconds }),
      ...(values.ringOnDevice !== undefined && { ringOn: ringOnFrom(values.ringOnDevice) }),
      ...(values.escalation !== undefined && { escalation: values.escalation }),
      ...(values.language !== undefined && { language: values.language }),
    },
  }
}

/** Device ids differ from machine to machine: a policy names the device, the store finds it by label. */
function ringOnFrom(label: string): Settings['ringOn'] {
  return label === '' ? null : { deviceId: '', label }
}
