// The one model of what an administrator can preset and lock. Every source reads into
// this shape (JSON keys on Linux, registry values on Windows, plist keys on macOS) and
// the templates in policy/ are generated from it, so a new policy is one entry here
// (plus where the app uses it: admin-policy.ts for settings, update-policy.ts).
import { z } from 'zod'
import { LANGUAGE_CHOICES } from '../../common/i18n/locales'
import { parseServerUrl } from '../core/server-url'
import { DEFAULT_SETTINGS, SETTING_KEYS } from '../settings/settings-schema'
import type { SettingKey } from '../settings/settings-types'

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
      title: 'Server address',
      description: 'The Rocket.Chat server agents sign in to, as opened in the browser (https://).',
    })
    .optional(),
  notifyOutgoingCalls: z
    .boolean()
    .meta({
      title: 'Notify for outgoing calls',
      description: 'Show a notification for calls the agent places, not only for incoming ones.',
    })
    .optional(),
  ringtone: z
    .strictObject({
      enabled: z
        .boolean()
        .meta({ title: 'Ringtone on', description: 'Play the ringtone while a call rings.' })
        .optional(),
      volumePercent: z
        .int()
        .min(0)
        .max(100)
        .meta({ title: 'Ringtone volume', description: 'The ringtone volume in percent (0–100).' })
        .optional(),
    })
    .optional(),
  startAtLogin: z
    .boolean()
    .meta({ title: 'Start at login', description: 'Start Call Tray when the agent logs in.' })
    .optional(),
  pollFloorSeconds: z
    .int()
    .min(1)
    .max(60)
    .meta({
      title: 'Shortest poll interval',
      description:
        'The shortest time between two polls of the server, in seconds (1–60); the server’s rate limit still wins.',
    })
    .optional(),
  ringOnDevice: z
    .string()
    .max(256)
    .meta({
      title: 'Ring on',
      description:
        'The name of the audio output the ringtone plays on, as the operating system shows it (e.g. "Speakers (Realtek Audio)"); empty for the system default.',
    })
    .optional(),
  escalation: z
    .strictObject({
      afterSeconds: z
        .int()
        .min(3)
        .max(120)
        .meta({
          title: 'Escalate after',
          description: 'Seconds a call rings unanswered before Call Tray escalates (3–120).',
        })
        .optional(),
      flashTaskbar: z
        .boolean()
        .meta({
          title: 'Escalation: flash the taskbar',
          description: 'Flash the taskbar button or bounce the Dock icon when escalating.',
        })
        .optional(),
      showWindow: z
        .boolean()
        .meta({
          title: 'Escalation: show the window',
          description: 'Show the call window on top, without taking keyboard focus, when escalating.',
        })
        .optional(),
      fullVolume: z
        .boolean()
        .meta({
          title: 'Escalation: full volume',
          description: 'Raise the ringtone to 100 % when escalating.',
        })
        .optional(),
    })
    .optional(),
  language: z
    .enum(LANGUAGE_CHOICES)
    .meta({
      title: 'Language',
      description: `The language Call Tray speaks: ${LANGUAGE_CHOICES.join(', ')}; system follows the computer’s preferred languages.`,
    })
    .optional(),
  updates: z
    .strictObject({
      enabled: z
        .boolean()
        .meta({ title: 'Updates on', description: 'Let Call Tray check for and install updates.' })
        .optional(),
      feedUrl: z
        .string()
        .max(2048)
        .refine(isHttpsUrl, 'not an https:// address')
        .meta({
          title: 'Update feed',
          description:
            'The https:// address updates come from. Without one, Call Tray checks for no updates.',
        })
        .optional(),
      channel: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,31}$/, 'not a channel name (lower-case letters, digits, -)')
        .meta({ title: 'Update channel', description: 'The release channel, e.g. latest or beta.' })
        .optional(),
      deferHours: z
        .int()
        .min(0)
        .max(720)
        .meta({
          title: 'Defer updates',
          description: 'Hours to wait after an update is published before installing it (0–720).',
        })
        .optional(),
    })
    .optional(),
  locked: z
    .array(z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]]))
    .max(SETTING_KEYS.length * 2)
    .meta({
      title: 'Locked settings',
      description: `Settings agents cannot change: any of ${SETTING_KEYS.join(', ')}. A locked setting takes the policy’s value, or the built-in default.`,
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
