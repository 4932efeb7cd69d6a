// The fields every source and template is built from, read off the one schema.
import { describe, expect, it } from 'vitest'
import { POLICY_DEFAULTS, POLICY_FIELDS } from './policy-schema'

describe('POLICY_FIELDS', () => {
  it('lists every policy with its kind, in the model’s order', () => {
    expect(POLICY_FIELDS.map((field) => [field.key, field.kind])).toEqual([
      ['serverUrl', 'string'],
      ['notifyOutgoingCalls', 'boolean'],
      ['ringtone.enabled', 'boolean'],
      ['ringtone.volumePercent', 'integer'],
      ['startAtLogin', 'boolean'],
      ['pollFloorSeconds', 'integer'],
      ['ringOnDevice', 'string'],
      ['escalation.afterSeconds', 'integer'],
      ['escalation.flashTaskbar', 'boolean'],
      ['escalation.showWindow', 'boolean'],
      ['escalation.fullVolume', 'boolean'],
      ['language', 'string'],
      ['updates.enabled', 'boolean'],
      ['updates.feedUrl', 'string'],
      ['updates.channel', 'string'],
      ['updates.deferHours', 'integer'],
      ['locked', 'list'],
    ])
  })

  it('carries ranges, choices and a title and description for every policy', () => {
    const byKey = new Map(POLICY_FIELDS.map((field) => [field.key, field]))
    expect(byKey.get('pollFloorSeconds')).toMatchObject({ minimum: 1, maximum: 60 })
    expect(byKey.get('ringtone.volumePercent')).toMatchObject({ minimum: 0, maximum: 100 })
    expect(byKey.get('locked')?.options).toEqual([
      'serverUrl',
      'notifyOutgoingCalls',
      'ringtone',
      'pause',
      'startAtLogin',
      'pollFloorSeconds',
      'ringOn',
      'alsoRingOn',
      'callWaitingTone',
      'escalation',
      'breakThroughDnd',
      'globalShortcut',
      'language',
    ])
    expect(byKey.get('language')?.options).toEqual(['system', 'en', 'pt-BR', 'es', 'de', 'fr'])
    for (const field of POLICY_FIELDS) {
      expect(field.title, field.key).not.toBe(field.key)
      expect(field.description, field.key).not.toBe('')
    }
  })

  it('has a default for every policy and nothing else', () => {
    expect(Object.keys(POLICY_DEFAULTS).sort()).toEqual(POLICY_FIELDS.map((f) => f.key).sort())
  })
})
