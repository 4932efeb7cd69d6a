// The two media signals a passive listener cares about, read from what Rocket.Chat pushes on
// `stream-notify-user` `<userId>/media-signal`. Field names follow @rocket.chat/media-signaling
// 1.2.0 (ServerMediaSignalNewCall, ServerMediaSignalNotification). Tolerant on purpose: extra
// fields are dropped, a wrong optional field is left out, other signal types (remote-sdp,
// request-offer, registered, update, ...) are not for us and are skipped without complaint.
import { z } from 'zod'

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
      service?: string
      kind?: string
    }
  | {
      type: 'notification'
      callId: string
      /** 'accepted' | 'active' | 'hangup' | 'trying' today; newer servers may add more. */
      notification: string
      features?: string[]
    }

export type SignalReading =
  | { kind: 'signal'; signal: MediaSignal }
  /** A signal type a listener has no use for. */
  | { kind: 'skipped' }
  | { kind: 'invalid'; detail: string }

/** A wrong optional value is dropped rather than costing the whole signal. */
const optionalText = z.string().optional().catch(undefined)

const contactSchema = z.object({
  type: z.string().min(1),
  id: z.string().min(1),
  displayName: optionalText,
  username: optionalText,
  sipExtension: optionalText,
})

const newCallSchema = z.object({
  type: z.literal('new'),
  callId: z.string().min(1),
  role: z.enum(['caller', 'callee']),
  contact: contactSchema,
  service: optionalText,
  kind: optionalText,
})

const notificationSchema = z.object({
  type: z.literal('notification'),
  callId: z.string().min(1),
  notification: z.string().min(1),
  features: z.array(z.string()).optional().catch(undefined),
})

const typeSchema = z.object({ type: z.string() })

export function readMediaSignal(raw: unknown): SignalReading {
  const typed = typeSchema.safeParse(raw)
  if (!typed.success) return { kind: 'invalid', detail: 'a signal without a type' }
  const schema =
    typed.data.type === 'new'
      ? newCallSchema
      : typed.data.type === 'notification'
        ? notificationSchema
        : null
  if (!schema) return { kind: 'skipped' }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'signal'
    return { kind: 'invalid', detail: `'${typed.data.type}' signal, ${where}: ${issue?.message}` }
  }
  return { kind: 'signal', signal: withoutUndefined(parsed.data) as MediaSignal }
}

/** Drops keys whose value is undefined, one level down too, so signals compare cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, isPlainObject(v) ? withoutUndefined(v) : v])
  return Object.fromEntries(entries) as T
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
