// The one model of what an administrator can preset and lock. Every source reads into
// this shape (JSON keys on Linux, registry values on Windows, plist keys on macOS) and
// the templates in policy/ are generated from it, so a new policy is one entry here
// (plus where the app uses it: admin-policy.ts for settings, update-policy.ts).
import { z } from 'zod'
import { LANGUAGE_CHOICES } from '../../common/i18n/locales'
import { createTranslator } from '../../common/i18n/translator'
import { parseServerUrl } from '../core/server-url'
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../settings/settings-schema'
import type { SettingKey } from '../settings/settings-types'

/** Titles and descriptions are English here; the templates take each language's from its catalog. */
const english = createTranslator('en')

const isServerUrl = (text: string) => parseServerUrl(text).ok

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:'
  } catch {
    return false
  }
}

export const policySchema = z.strictObject({
  serverUrl: z
    .string()
    .max(2048)
    .refine(isServerUrl, 'not a server address agents could sign in to (https:// only)')
    .meta({
      title: english.t('policy.serverUrl.title'),
      description: english.t('policy.serverUrl.description'),
    })
    .optional(),
  notifyOutgoingCalls: z
    .boolean()
    .meta({
      title: english.t('policy.notifyOutgoingCalls.title'),
      description: english.t('policy.notifyOutgoingCalls.description'),
    })
    .optional(),
  ringtone: z
    .strictObject({
      enabled: z
        .boolean()
        .meta({
      title: english.t('policy.ringtone.enabled.title'),
      description: english.t('policy.ringtone.enabled.description'),
    })
        .optional(),
      volumePercent: z
        .int()
        .min(0)
        .max(100)
        .meta({
      title: english.t('policy.ringtone.volumePercent.title'),
      description: english.t('policy.ringtone.volumePercent.description'),
    })
        .optional(),
    })
    .optional(),
  startAtLogin: z
    .boolean()
    .meta({
      title: english.t('policy.startAtLogin.title'),
      description: english.t('policy.startAtLogin.description'),
    })
    .optional(),
  pollFloorSeconds: z
    .int()
    .min(1)
    .max(60)
    .meta({
      title: english.t('policy.pollFloorSeconds.title'),
      description: english.t('policy.pollFloorSeconds.description'),
    })
    .optional(),
  ringOnDevice: z
    .string()
    .max(256)
    .meta({
      title: english.t('policy.ringOnDevice.title'),
      description: english.t('policy.ringOnDevice.description'),
    })
    .optional(),
  escalation: z
    .strictObject({
      afterSeconds: z
        .int()
        .min(3)
        .max(120)
        .meta({
      title: english.t('policy.escalation.afterSeconds.title'),
      description: english.t('policy.escalation.afterSeconds.description'),
    })
        .optional(),
      flashTaskbar: z
        .boolean()
        .meta({
      title: english.t('policy.escalation.flashTaskbar.title'),
      description: english.t('policy.escalation.flashTaskbar.description'),
    })
        .optional(),
      showWindow: z
        .boolean()
        .meta({
      title: english.t('policy.escalation.showWindow.title'),
      description: english.t('policy.escalation.showWindow.description'),
    })
        .optional(),
      fullVolume: z
        .boolean()
        .meta({
      title: english.t('policy.escalation.fullVolume.title'),
      description: english.t('policy.escalation.fullVolume.description'),
    })
        .optional(),
    })
    .optional(),
  language: z
    .enum(LANGUAGE_CHOICES)
    .meta({
      title: english.t('policy.language.title'),
      description: english.t('policy.language.description', { choices: LANGUAGE_CHOICES.join(', ') }),
    })
    .optional(),
  updates: z
    .strictObject({
      enabled: z
        .boolean()
        .meta({
      title: english.t('policy.updates.enabled.title'),
      description: english.t('policy.updates.enabled.description'),
    })
        .optional(),
      feedUrl: z
        .string()
        .max(2048)
        .refine(isHttpsUrl, 'not an https:// address')
        .meta({
      title: english.t('policy.updates.feedUrl.title'),
      description: english.t('policy.updates.feedUrl.description'),
    })
        .optional(),
      channel: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a channel name (lower-case letters, digits, -)')
        .meta({
      title: english.t('policy.updates.channel.title'),
      description: english.t('policy.updates.channel.description'),
    })
        .optional(),
      deferHours: z
        .int()
        .min(0)
        .max(720)
        .meta({
      title: english.t('policy.updates.deferHours.title'),
      description: english.t('policy.updates.deferHours.description'),
    })
        .optional(),
    })
    .optional(),
  locked: z
    .array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]))
    .max(SETTING_KEYS.length * 2)
    .meta({
      title: english.t('policy.locked.title'),
      description: english.t('policy.locked.description', { settings: SETTING_KEYS.join(', ') }),
    })
    .optional(),
})

/** What one source says, checked: every key optional. */
export type PolicyValues = z.infer<typeof policySchema>

export type PolicyFieldKind = 'boolean' | 'integer' | 'string' | 'list'

/** One leaf of the model, as the registry reader and the templates see it. */
export interface PolicyField {
  /** Where it sits: `['ringtone', 'volumePercent']`; the group is a registry subkey. */
  path: string[]
  /** The dotted name: `ringtone.volumePercent`. */
  key: string
  kind: PolicyFieldKind
  title: string
  description: string
  minimum?: number
  maximum?: number
  /** The values a list, or a string that is one of a few, may hold. */
  options?: string[]
}

interface JsonSchemaNode {
  type?: string
  title?: string
  description?: string
  minimum?: number
  maximum?: number
  enum?: string[]
  properties?: Record<string, JsonSchemaNode>
  items?: JsonSchemaNode & { enum?: string[] }
}

const KINDS: Record<string, PolicyFieldKind> = {
  boolean: 'boolean',
  integer: 'integer',
  string: 'string',
  array: 'list',
}

function fieldsOf(node: JsonSchemaNode, path: string[]): PolicyField[] {
  if (node.type === 'object') {
    return Object.entries(node.properties ?? {}).flatMap(([name, child]) =>
      fieldsOf(child, [...path, name]),
    )
  }
  const kind = KINDS[node.type ?? '']
  if (!kind) throw new Error(`Policy ${path.join('.')} has a type no source can carry.`)
  return [
    {
      path,
      key: path.join('.'),
      kind,
      title: node.title ?? path.join('.'),
      description: node.description ?? '',
      ...(node.minimum !== undefined && { minimum: node.minimum }),
      ...(node.maximum !== undefined && { maximum: node.maximum }),
      ...(node.items?.enum && { options: node.items.enum }),
      ...(node.enum && { options: node.enum }),
    },
  ]
}

/** Every policy in the model's order, derived from the schema itself. */
export const POLICY_FIELDS: readonly PolicyField[] = fieldsOf(
  z.toJSONSchema(policySchema, { io: 'input' }) as JsonSchemaNode,
  [],
)

/** What applies where no policy says otherwise (`--show-policy` prints these as "default"). */
export const POLICY_DEFAULTS: Record<string, unknown> = {
  serverUrl: DEFAULT_SETTINGS.serverUrl,
  notifyOutgoingCalls: DEFAULT_SETTINGS.notifyOutgoingCalls,
  'ringtone.enabled': DEFAULT_SETTINGS.ringtone.enabled,
  'ringtone.volumePercent': Math.round(DEFAULT_SETTINGS.ringtone.volume * 100),
  startAtLogin: DEFAULT_SETTINGS.startAtLogin,
  pollFloorSeconds: DEFAULT_SETTINGS.pollFloorSeconds,
  ringOnDevice: '',
  'escalation.afterSeconds': DEFAULT_SETTINGS.escalation.afterSeconds,
  'escalation.flashTaskbar': DEFAULT_SETTINGS.escalation.flashTaskbar,
  'escalation.showWindow': DEFAULT_SETTINGS.escalation.showWindow,
  'escalation.fullVolume': DEFAULT_SETTINGS.escalation.fullVolume,
  language: DEFAULT_SETTINGS.language,
  'updates.enabled': true,
  'updates.feedUrl': null,
  'updates.channel': null,
  'updates.deferHours': 0,
  locked: [],
}
