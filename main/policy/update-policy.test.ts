// The shape the updater consumes, from the effective policy.
import { describe, expect, it } from 'vitest'
import { effectivePolicy } from '../../test/support/policy'
import { updatePolicy } from './update-policy'

describe('updatePolicy', () => {
  it('is on with no feed (so no checks) when no policy says otherwise, or none could be read', () => {
    const defaults = { enabled: true, feedUrl: null, channel: null, deferHours: 0 }
    expect(updatePolicy(effectivePolicy({}))).toEqual(defaults)
    expect(updatePolicy(null)).toEqual(defaults)
  })

  it('takes every update policy the administrator set', () => {
    const updates = {
      enabled: false,
      feedUrl: 'https://updates.corp.example/call-tray/',
      channel: 'beta',
      deferHours: 48,
    }
    expect(updatePolicy(effectivePolicy({ updates }))).toEqual(updates)
    expect(updatePolicy(effectivePolicy({ updates: { deferHours: 24 } }))).toEqual({
      enabled: true,
      feedUrl: null,
      channel: null,
      deferHours: 24,
    })
  })
})
