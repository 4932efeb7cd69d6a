// The administrators' templates under policy/ are exactly what the script generates
// from the policy model, they parse, and they describe what the app actually reads.
import { readFileSync } from 'node:fs'
import { DOMParser } from '@xmldom/xmldom'
import { parse as parsePlist } from 'plist'
import { describe, expect, it } from 'vitest'
import { parsePolicyJson } from '../../main/policy/linux-policy-file'
import { POLICY_FIELDS } from '../../main/policy/policy-schema'
import { checkAndMerge } from '../../main/policy/resolve-policy'
import { REGISTRY_TYPES } from '../../main/policy/windows-registry'
import { SHIPPED_LOCALES, type ShippedLocale } from '../../common/i18n/locales'
import {
  admlPath,
  EXAMPLE_POLICY,
  exampleMissing,
  generatePolicyTemplates,
} from '../../scripts/policy-templates'

const POLICY_DIR = new URL('../../policy/', import.meta.url)
const committed = (file: string) => readFileSync(new URL(file, POLICY_DIR), 'utf8')

function parseXml(text: string): Document {
  const problems: string[] = []
  const record = (message: unknown) => void problems.push(String(message))
  const document = new DOMParser({
    errorHandler: { error: record, fatalError: record },
  }).parseFromString(text, 'text/xml')
  expect(problems).toEqual([])
  return document
}

function children(node: Document | Element, tag: string): Element[] {
  const list = node.getElementsByTagName(tag)
  const found: Element[] = []
  for (let i = 0; i < list.length; i += 1) {
    const item = list.item(i)
    if (item) found.push(item)
  }
  return found
}

describe('policy templates', () => {
  it('are committed exactly as the script generates them (run `npm run policy-templates`)', () => {
    for (const [file, bytes] of generatePolicyTemplates()) {
      expect(committed(file), file).toBe(bytes.toString('utf8'))
    }
  })

  it('give every policy an example value', () => {
    expect(exampleMissing()).toEqual([])
  })

  it('ADMX: one policy per model entry, stored where and as the registry reader expects', () => {
    const admx = parseXml(committed('windows/CallTray.admx'))
    const policies = new Map(children(admx, 'policy').map((p) => [p.getAttribute('name'), p]))
    expect(policies.size).toBe(POLICY_FIELDS.length)
    const elementFor = { REG_DWORD: 'decimal', REG_SZ: 'text', REG_MULTI_SZ: 'multiText' }
    for (const field of POLICY_FIELDS) {
      const policy = policies.get(field.key.replace(/\./g, '_'))
      expect(policy, field.key).toBeDefined()
      if (!policy) continue
      const group = field.path.slice(0, -1)
      const name = field.path.at(-1)
      expect(policy.getAttribute('key')).toBe(
        ['SOFTWARE\\Policies\\Call Tray', ...group].join('\\'),
      )
      if (field.kind === 'boolean') {
        expect(policy.getAttribute('valueName')).toBe(name)
        expect(children(policy, 'enabledValue')).toHaveLength(1)
      } else if (field.kind === 'string' && field.options) {
        const [element] = children(policy, 'enum')
        expect(element?.getAttribute('valueName'), field.key).toBe(name)
        const values = element ? children(element, 'string').map((v) => v.textContent) : []
        expect(values, field.key).toEqual(field.options)
      } else {
        const [element] = children(policy, elementFor[REGISTRY_TYPES[field.kind] as 'REG_SZ'])
        expect(element?.getAttribute('valueName'), field.key).toBe(name)
        if (field.kind === 'integer') {
          expect(element?.getAttribute('minValue')).toBe(String(field.minimum))
          expect(element?.getAttribute('maxValue')).toBe(String(field.maximum))
        }
      }
    }
  })

  it.each(SHIPPED_LOCALES)(
    'ADML (%s): every string and presentation the ADMX refers to exists',
    (locale) => {
      const admx = committed('windows/CallTray.admx')
      const adml = parseXml(committed(admlPath(locale)))
      const strings = new Set(children(adml, 'string').map((s) => s.getAttribute('id')))
      const presentations = new Set(children(adml, 'presentation').map((p) => p.getAttribute('id')))
      const referred = [...admx.matchAll(/\$\((string|presentation)\.([A-Za-z0-9_]+)\)/g)]
      expect(referred.length).toBeGreaterThan(POLICY_FIELDS.length)
      for (const [, table, id] of referred) {
        expect((table === 'string' ? strings : presentations).has(id ?? ''), `${table}.${id}`).toBe(
          true,
        )
      }
    },
  )

  it('ADML: one per language, in Windows’ language folders, worded from that catalog', () => {
    expect([...generatePolicyTemplates().keys()].filter((file) => file.endsWith('.adml'))).toEqual([
      'windows/en-US/CallTray.adml',
      'windows/pt-BR/CallTray.adml',
      'windows/es-ES/CallTray.adml',
      'windows/de-DE/CallTray.adml',
      'windows/fr-FR/CallTray.adml',
    ])
    const stringIn = (locale: ShippedLocale, id: string) =>
      children(parseXml(committed(admlPath(locale))), 'string')
        .find((s) => s.getAttribute('id') === id)
        ?.textContent?.split('\n')[0]
    expect(stringIn('en', 'startAtLogin')).toBe('Start at login')
    expect(stringIn('de', 'startAtLogin')).toBe('Bei der Anmeldung starten')
    expect(stringIn('fr', 'language_system')).toBe('Langue du système')
    expect(stringIn('es', 'escalation_fullVolume_Explain')).toBe(
      'Subir el tono de llamada al 100 % al escalar.',
    )
    expect(stringIn('pt-BR', 'language_de')).toBe('Deutsch')
    // Every title in every language comes from its catalog: none is left in English.
    for (const locale of SHIPPED_LOCALES.filter((l) => l !== 'en')) {
      const english = POLICY_FIELDS.filter(
        (field) => stringIn(locale, field.key.replace(/\./g, '_')) === field.title,
      )
      expect(
        english.map((field) => field.key),
        locale,
      ).toEqual([])
    }
  })

  it('mobileconfig: forces for com.calltray.app a policy the model accepts', () => {
    const profile = parsePlist(committed('macos/call-tray.mobileconfig')) as {
      PayloadType: string
      PayloadContent: { PayloadType: string; PayloadContent: Record<string, unknown> }[]
    }
    expect(profile.PayloadType).toBe('Configuration')
    const [payload] = profile.PayloadContent
    expect(payload?.PayloadType).toBe('com.apple.ManagedClient.preferences')
    const forced = payload?.PayloadContent['com.calltray.app'] as {
      Forced: { mcx_preference_settings: unknown }[]
    }
    const settings = forced.Forced[0]?.mcx_preference_settings
    expect(settings).toEqual(EXAMPLE_POLICY)
    expect(checkAndMerge([{ label: 'profile', raw: settings }]).ok).toBe(true)
  })

  it('policy.json: an example the Linux reader accepts as it is', () => {
    const raw = parsePolicyJson(committed('linux/policy.json'))
    expect(raw).toEqual({ ok: true, value: EXAMPLE_POLICY })
    const resolved = checkAndMerge([{ label: 'example', raw: raw.ok && raw.value }])
    expect(resolved.ok).toBe(true)
  })
})
