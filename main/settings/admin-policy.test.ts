// The policy model translated into the settings store's presets and locks.
import { describe, expect, it } from 'vitest'
import { effectivePolicy } from '../../test/support/policy'
import { adminPolicyFrom } from './admin-policy'

describe('adminPolicyFrom', () => {
  it('turns policies into presets and locks; the volume from percent into 0…1', () => {
    const policy = effectivePolicy({
      serverUrl: 'chat.corp.example/chat/',
      notifyOutgoingCalls: true,
      ringtone: { volumePercent: 30 },
      startAtLogin: true,
      pollFloorSeconds: 10,
      updates: { feedUrl: 'https://updates.corp.example/' },
      locked: ['serverUrl', 'pause'],
    })
    expect(adminPolicyFrom(policy)).toEqual({
      source: '/etc/call-tray/policy.json',
      serverUrl: 'https://chat.corp.example/chat',
      locked: new Set(['serverUrl', 'pause']),
      defaults: {
        notifyOutgoingCalls: true,
        ringtone: { volume: 0.3 },
        startAtLogin: true,
        pollFloorSeconds: 10,
      },
    })
  })

  it('is no policy when no source says anything', () => {
    expect(adminPolicyFrom(effectivePolicy({}))).toBeNull()
  })
})
