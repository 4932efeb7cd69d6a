// The administrators' templates, generated from the policy model (main/policy/
// policy-schema.ts) so they cannot drift from what the app reads: Group Policy ADMX and
// one ADML per shipped language (names and help from the message catalog), an example
// macOS configuration profile, an example Linux policy.json.
import type { MessageKey } from '../common/i18n/catalog'
import {
  LANGUAGE_CHOICES,
  LOCALE_NAMES,
  SHIPPED_LOCALES,
  type ShippedLocale,
} from '../common/i18n/locales'
import { createTranslator, type Translator } from '../common/i18n/translator'
import { BUNDLE_ID } from '../main/policy/macos-managed-preferences'
import { POLICY_FIELDS, type PolicyField, type PolicyValues } from '../main/policy/policy-schema'
import { SETTING_KEYS } from '../main/settings/settings-schema'
import { valueAt } from '../main/policy/resolve-policy'
import { POLICY_KEY_PATH, REGISTRY_TYPES } from '../main/policy/windows-registry'

/** What the example profile and policy.json preset; every policy appears once. */
export const EXAMPLE_POLICY = {
  serverUrl: 'https://chat.example.com',
  notifyOutgoingCalls: false,
  ringtone: { enabled: true, volumePercent: 80 },
  startAtLogin: true,
  pollFloorSeconds: 5,
  ringOnDevice: 'Speakers (Realtek Audio)',
  escalation: { afterSeconds: 10, flashTaskbar: true, showWindow: true, fullVolume: true },
  language: 'de',
  updates: {
    enabled: true,
    feedUrl: 'https://updates.example.com/call-tray/',
    channel: 'latest',
    deferHours: 24,
  },
  locked: ['serverUrl', 'startAtLogin'],
} satisfies PolicyValues

const NAMESPACE = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions'
const XML_SCHEMA_ATTRIBUTES =
  'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** ADMX names are identifiers: `updates.feedUrl` → `updates_feedUrl`. */
const policyName = (field: PolicyField) => field.key.replace(/\./g, '_')
const groupOf = (field: PolicyField) => field.path.slice(0, -1)
const valueName = (field: PolicyField) => field.path[field.path.length - 1] ?? field.key
const registryKey = (field: PolicyField) => [POLICY_KEY_PATH, ...groupOf(field)].join('\\')
const categoryOf = (field: PolicyField) =>
  groupOf(field).length === 0 ? 'CallTray' : `CallTray_${groupOf(field).join('_')}`

/** A string that is one of a few values (the language) is a drop-down list, not a text box. */
const isChoice = (field: PolicyField) => field.kind === 'string' && field.options !== undefined
const optionName = (field: PolicyField, option: string) =>
  `${policyName(field)}_${option.replace(/[^A-Za-z0-9]/g, '_')}`

function admxChoice(field: PolicyField, id: string): string {
  const items = (field.options ?? []).map(
    (option) =>
      `<item displayName="$(string.${optionName(field, option)})"><value><string>${escapeXml(option)}</string></value></item>`,
  )
  return `<elements><enum ${id} required="true">${items.join('')}</enum></elements>`
}

function admxElements(field: PolicyField): string {
  const id = `id="${policyName(field)}" valueName="${valueName(field)}"`
  switch (field.kind) {
    case 'boolean':
      return ''
    case 'integer':
      return `<elements><decimal ${id} minValue="${field.minimum ?? 0}" maxValue="${field.maximum ?? 4294967295}" required="true" /></elements>`
    case 'string':
      if (isChoice(field)) return admxChoice(field, id)
      return `<elements><text ${id} maxLength="2048" required="true" /></elements>`
    case 'list':
      return `<elements><multiText ${id} required="true" /></elements>`
  }
}

// Element order is the ADMX schema's: parentCategory, supportedOn, enabled/disabledValue, elements.
function admxPolicy(field: PolicyField): string {
  const name = policyName(field)
  const isToggle = field.kind === 'boolean'
  const attributes = [
    `name="${name}"`,
    'class="Both"',
    `displayName="$(string.${name})"`,
    `explainText="$(string.${name}_Explain)"`,
    ...(isToggle ? [] : [`presentation="$(presentation.${name})"`]),
    `key="${escapeXml(registryKey(field))}"`,
    ...(isToggle ? [`valueName="${valueName(field)}"`] : []),
  ]
  const value = isToggle
    ? [
        '      <enabledValue><decimal value="1" /></enabledValue>',
        '      <disabledValue><decimal value="0" /></disabledValue>',
      ]
    : [`      ${admxElements(field)}`]
  return [
    `    <policy ${attributes.join(' ')}>`,
    `      <parentCategory ref="${categoryOf(field)}" />`,
    '      <supportedOn ref="SUPPORTED_CallTray" />',
    ...value,
    '    </policy>',
  ].join('\n')
}

function groups(): string[][] {
  const seen = new Map<string, string[]>()
  for (const field of POLICY_FIELDS) {
    const group = groupOf(field)
    if (group.length > 0) seen.set(group.join('.'), group)
  }
  return [...seen.values()]
}

export function admx(): string {
  const categories = groups().map(
    (group) =>
      `    <category name="CallTray_${group.join('_')}" displayName="$(string.CallTray_${group.join('_')})"><parentCategory ref="CallTray" /></category>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/generate-policy-templates.ts from main/policy/policy-schema.ts. -->
<policyDefinitions ${XML_SCHEMA_ATTRIBUTES} revision="1.0" schemaVersion="1.0" xmlns="${NAMESPACE}">
  <policyNamespaces>
    <target prefix="calltray" namespace="CallTray.Policies.CallTray" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED_CallTray" displayName="$(string.SUPPORTED_CallTray)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="CallTray" displayName="$(string.CallTray)" />
${categories.join('\n')}
  </categories>
  <policies>
${POLICY_FIELDS.map(admxPolicy).join('\n')}
  </policies>
</policyDefinitions>
`
}

/** Group Policy's language folders: `de` alone is not one Windows looks in. */
const ADML_FOLDERS: Record<ShippedLocale, string> = {
  en: 'en-US',
  'pt-BR': 'pt-BR',
  es: 'es-ES',
  de: 'de-DE',
  fr: 'fr-FR',
}

/** A policy's title or description in one language; the catalog has one per model entry. */
function fieldText(tr: Translator, field: PolicyField, part: 'title' | 'description'): string {
  const format = tr.t as (key: MessageKey, values: Record<string, string>) => string
  const values = { choices: LANGUAGE_CHOICES.join(', '), settings: SETTING_KEYS.join(', ') }
  return format(`policy.${field.key}.${part}` as MessageKey, values)
}

function explain(tr: Translator, field: PolicyField): string {
  const where = {
    location: `${registryKey(field)}\\${valueName(field)}`,
    type: REGISTRY_TYPES[field.kind],
    path: field.path.join(' › '),
  }
  const stored =
    field.kind === 'boolean' ? tr.t('policy.storedAtToggle', where) : tr.t('policy.storedAt', where)
  const list = field.kind === 'list' ? ` ${tr.t('policy.onePerLine')}` : ''
  return `${fieldText(tr, field, 'description')}${list}\n\n${stored}\n\n${tr.t('policy.precedence')}`
}

function presentation(tr: Translator, field: PolicyField): string | null {
  const refId = `refId="${policyName(field)}"`
  const label = escapeXml(fieldText(tr, field, 'title'))
  switch (field.kind) {
    case 'boolean':
      return null
    case 'integer':
      return `<decimalTextBox ${refId}>${label}</decimalTextBox>`
    case 'string':
      if (isChoice(field)) return `<dropdownList ${refId} noSort="true">${label}</dropdownList>`
      return `<textBox ${refId}><label>${label}</label></textBox>`
    case 'list':
      return `<multiTextBox ${refId}>${label}</multiTextBox>`
  }
}

/** The language policy's choices: "System default", and each language in its own name. */
function optionLabel(tr: Translator, option: string): string {
  return option in LOCALE_NAMES
    ? LOCALE_NAMES[option as ShippedLocale]
    : tr.t('settings.languageSystem')
}

export function adml(locale: ShippedLocale = 'en'): string {
  const tr = createTranslator(locale)
  const strings = [
    ['CallTray', 'Call Tray'],
    ['SUPPORTED_CallTray', tr.t('policy.supportedOn')],
    ...groups().map((group) => [
      `CallTray_${group.join('_')}`,
      tr.t(`policy.group.${group.join('.')}` as 'policy.group.updates'),
    ]),
    ...POLICY_FIELDS.flatMap((field) => [
      [policyName(field), fieldText(tr, field, 'title')],
      [`${policyName(field)}_Explain`, explain(tr, field)],
      ...(isChoice(field)
        ? (field.options ?? []).map((option) => [
            optionName(field, option),
            optionLabel(tr, option),
          ])
        : []),
    ]),
  ]
  const presentations = POLICY_FIELDS.flatMap((field) => {
    const element = presentation(tr, field)
    return element
      ? [`      <presentation id="${policyName(field)}">${element}</presentation>`]
      : []
  })
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by scripts/generate-policy-templates.ts from main/policy/policy-schema.ts. -->
<policyDefinitionResources ${XML_SCHEMA_ATTRIBUTES} revision="1.0" schemaVersion="1.0" xmlns="${NAMESPACE}">
  <displayName>Call Tray</displayName>
  <description>${escapeXml(tr.t('policy.admlDescription'))}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${escapeXml(text ?? '')}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`
}

function plistValue(value: unknown, indent: string): string {
  if (typeof value === 'boolean') return `${indent}<${value} />`
  if (typeof value === 'number') return `${indent}<integer>${value}</integer>`
  if (typeof value === 'string') return `${indent}<string>${escapeXml(value)}</string>`
  if (Array.isArray(value)) {
    return [
      `${indent}<array>`,
      ...value.map((item) => plistValue(item, `${indent}  `)),
      `${indent}</array>`,
    ].join('\n')
  }
  const entries = Object.entries(value as Record<string, unknown>)
  return [
    `${indent}<dict>`,
    ...entries.flatMap(([key, item]) => [
      `${indent}  <key>${escapeXml(key)}</key>`,
      plistValue(item, `${indent}  `),
    ]),
    `${indent}</dict>`,
  ].join('\n')
}

/**
 * A com.apple.ManagedClient.preferences payload forcing EXAMPLE_POLICY for our bundle
 * id: forced values land in /Library/Managed Preferences, where Call Tray reads them.
 * The UUIDs are fixed so the file stays reproducible; generate your own for a rollout.
 */
export function mobileconfig(): string {
  const profile = {
    PayloadContent: [
      {
        PayloadContent: {
          [BUNDLE_ID]: { Forced: [{ mcx_preference_settings: EXAMPLE_POLICY }] },
        },
        PayloadDisplayName: 'Call Tray policy',
        PayloadIdentifier: `${BUNDLE_ID}.policy.preferences`,
        PayloadType: 'com.apple.ManagedClient.preferences',
        PayloadUUID: '6C9B6B57-0F0A-4E39-9D38-2C5B3A7E0C01',
        PayloadVersion: 1,
      },
    ],
    PayloadDescription:
      'Example: presets and locks for Call Tray (generated from its policy model).',
    PayloadDisplayName: 'Call Tray policy (example)',
    PayloadIdentifier: `${BUNDLE_ID}.policy`,
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: '0E3F8E0B-5B7D-4C4B-A1C6-6F1D2B9A7E02',
    PayloadVersion: 1,
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
${plistValue(profile, '')}
</plist>
`
}

export function linuxExample(): string {
  return `${JSON.stringify({ $comment: 'Example: copy to /etc/call-tray/policy.json, owned by root, mode 644.', ...EXAMPLE_POLICY }, null, 2)}\n`
}

/** Every policy the model has, so a new one cannot be left out of the examples. */
export function exampleMissing(): string[] {
  return POLICY_FIELDS.filter((field) => valueAt(EXAMPLE_POLICY, field.path) === undefined).map(
    (field) => field.key,
  )
}

export const admlPath = (locale: ShippedLocale) => `windows/${ADML_FOLDERS[locale]}/CallTray.adml`

export function generatePolicyTemplates(): Map<string, Buffer> {
  return new Map([
    ['windows/CallTray.admx', Buffer.from(admx())],
    ...SHIPPED_LOCALES.map((locale): [string, Buffer] => [
      admlPath(locale),
      Buffer.from(adml(locale)),
    ]),
    ['macos/call-tray.mobileconfig', Buffer.from(mobileconfig())],
    ['linux/policy.json', Buffer.from(linuxExample())],
  ])
}
