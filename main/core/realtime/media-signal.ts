// The media signals a passive listener cares about, read from what Rocket.Chat pushes on
// `stream-notify-user` `<userId>/media-signal`. Field names follow @rocket.chat/media-signaling
// (ServerMediaSignalNewCall, ServerMediaSignalNotification, and newer builds'
// ServerMediaSignalUpdateCall). Tolerant on purpose: extra fields are dropped, a wrong optional
// field is left out, other signal types (remote-sdp, request-offer, registered, ...) are not for
// us and are skipped without complaint.
import { z } from 'zod'
import { serverFeatures, serverId, serverText, serverWord } from '../server-limits'

export interface MediaSignalContact {
  type: string
  id: string
  displayName?: string
  username?: string
  sipExtension?: string
}

export type MediaSignal =
  | {
      type: 'new'
      callId: string
      role: 'caller' | 'callee'
      contact: MediaSignalContact
      /** `webrtc`, or `cti` on newer servers; any other value is kept as sent. */
      service?: string
      kind?: string
      /**
       * Set when a device of this user already holds the call: the server replays `new` for
       * live calls whenever another client of the user registers. A ringing call has none yet.
       */
      self?: { contractId?: string }
    }
  | {
      type: 'notification'
      callId: string
      /** 'accepted' | 'active' | 'hangup' | 'trying' | 'escalated' today; newer servers may add more. */
      notification: string
      /** The device that took the call (on `accepted`). */
      signedContractId?: string
      features?: string[]
    }
  /** Newer servers: the other party or the features changed during the call. */
  | {
      type: 'update'
      callId: string
      contact?: MediaSignalContact
      features?: string[]
    }

export type SignalReading =
  | { kind: 'signal'; signal: MediaSignal }
  /** A signal type a listener has no use for. */
  | { kind: 'skipped' }
  | { kind: 'invalid'; detail: string }

/**
 * A wrong optional value is dropped rather than costing the whole signal; an over-long
 * identifier is wrong, over-long text is cut (server-limits.ts).
 */
const optionalText = serverText.optional().catch(undefined)
const optionalWord = serverWord.optional().catch(undefined)
const optionalId = serverId.optional().catch(undefined)

const contactSchema = z.object({
  type: serverWord.min(1),
  id: serverId,
  displayName: optionalText,
  username: optionalText,
  sipExtension: optionalText,
})

const optionalFeatures = serverFeatures.optional().catch(undefined)

/** Only whether a device holds the call matters here; the rest of `self` is the user. */
const selfSchema = z.object({ contractId: optionalId }).optional().catch(undefined)

const newCallSchema = z.object({
  type: z.literal('new'),
  callId: serverId,
  role: z.enum(['caller', 'callee']),
  contact: contactSchema,
  service: optionalWord,
  kind: optionalWord,
  self: selfSchema,
})

const notificationSchema = z.object({
  type: z.literal('notification'),
  callId: serverId,
  notification: serverWord.min(1),
  signedContractId: optionalId,
  features: optionalFeatures,
})

const updateSchema = z.object({
  type: z.literal('update'),
  callId: serverId,
  contact: contactSchema.optional().catch(undefined),
  features: optionalFeatures,
})

const SCHEMAS: Record<string, z.ZodType | undefined> = {
  new: newCallSchema,
  notification: notificationSchema,
  update: updateSchema,
}

const typeSchema = z.object({ type: z.string() })

export function readMediaSignal(raw: unknown): SignalReading {
  const typed = typeSchema.safeParse(raw)
  if (!typed.success) return { kind: 'invalid', detail: 'a signal without a type' }
  const schema = Object.hasOwn(SCHEMAS, typed.data.type) ? SCHEMAS[typed.data.type] : undefined
  if (!schema) return { kind: 'skipped' }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'signal'
    return { kind: 'invalid', detail: `'${typed.data.type}' signal, ${where}: ${issue?.message}` }
  }
  return { kind: 'signal', signal: withoutUndefined(parsed.data as object) as MediaSignal }
}

/** Drops keys whose value is undefined (and objects left empty), one level down too, so signals compare cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .map(([k, v]) => [k, isPlainObject(v) ? withoutUndefined(v) : v] as const)
    .filter(([, v]) => v !== undefined && !(isPlainObject(v) && Object.keys(v).length === 0))
  return Object.fromEntries(entries) as T
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
