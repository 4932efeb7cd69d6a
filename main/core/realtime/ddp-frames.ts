// The slice of Meteor's DDP (version 1) a passive listener speaks: what it sends is built
// here and nowhere else, and what arrives is read into a few typed frames. Everything else a
// Meteor server legitimately sends (`added`, `updated`, the `server_id` greeting, ...) is
// recognised and skipped; anything unreadable is reported so the caller can count it.
import { z } from 'zod'

export const MEDIA_SIGNAL_STREAM = 'stream-notify-user'

export const mediaSignalEvent = (userId: string): string => `${userId}/media-signal`

/** The frames this client ever sends. Nothing else: no `register`, no `answer`, no other method. */
export type OutgoingFrame =
  | { msg: 'connect'; version: '1'; support: ['1'] }
  | { msg: 'method'; id: string; method: 'login'; params: [{ resume: string }] }
  | { msg: 'sub'; id: string; name: typeof MEDIA_SIGNAL_STREAM; params: [string, false] }
  | { msg: 'ping'; id: string }
  | { msg: 'pong'; id?: string }

export const outgoing = {
  connect: (): OutgoingFrame => ({ msg: 'connect', version: '1', support: ['1'] }),
  login: (id: string, authToken: string): OutgoingFrame => ({
    msg: 'method',
    id,
    method: 'login',
    params: [{ resume: authToken }],
  }),
  subscribe: (id: string, userId: string): OutgoingFrame => ({
    msg: 'sub',
    id,
    name: MEDIA_SIGNAL_STREAM,
    params: [mediaSignalEvent(userId), false],
  }),
  ping: (id: string): OutgoingFrame => ({ msg: 'ping', id }),
  pong: (id: string | undefined): OutgoingFrame =>
    id === undefined ? { msg: 'pong' } : { msg: 'pong', id },
}

/**
 * Meteor accounts-password's `login` with a password, which only the one-shot sign-in
 * check sends (sign-in-over-ddp.ts), never the listener: the password goes as its SHA-256
 * digest, and with a two-factor code the whole login is wrapped in `totp` (Rocket.Chat's
 * 2FA login handler; the REST login builds the same from `code`).
 */
export interface PasswordLoginFrame {
  msg: 'method'
  id: string
  method: 'login'
  params: [PasswordLogin | { totp: { login: PasswordLogin; code: string } }]
}
interface PasswordLogin {
  user: { username: string } | { email: string }
  password: { digest: string; algorithm: 'sha-256' }
}

export function passwordLoginFrame(
  id: string,
  login: { user: string; passwordDigest: string; code?: string | undefined },
): PasswordLoginFrame {
  const { user, passwordDigest, code } = login
  const password: PasswordLogin = {
    // As Rocket.Chat's REST login reads its `user` field.
    user: user.includes('@') ? { email: user } : { username: user },
    password: { digest: passwordDigest, algorithm: 'sha-256' },
  }
  return {
    msg: 'method',
    id,
    method: 'login',
    params: [code ? { totp: { login: password, code } } : password],
  }
}

/** A Meteor.Error as DDP carries it: `error` is the code (403, 'not-allowed', 'totp-required', ...). */
const ddpErrorSchema = z.object({
  error: z.union([z.string(), z.number()]).optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  details: z
    .object({ method: z.string().optional(), timeToReset: z.number().optional() })
    .optional(),
})
export type DdpError = z.infer<typeof ddpErrorSchema>

const frameSchema = z.discriminatedUnion('msg', [
  z.object({ msg: z.literal('connected'), session: z.string().optional() }),
  z.object({ msg: z.literal('failed'), version: z.string().optional() }),
  z.object({ msg: z.literal('ping'), id: z.string().optional() }),
  z.object({ msg: z.literal('pong') }),
  z.object({
    msg: z.literal('result'),
    id: z.string(),
    error: ddpErrorSchema.optional(),
    result: z.unknown().optional(),
  }),
  z.object({ msg: z.literal('ready'), subs: z.array(z.string()) }),
  z.object({ msg: z.literal('nosub'), id: z.string(), error: ddpErrorSchema.optional() }),
  z.object({
    msg: z.literal('changed'),
    collection: z.string(),
    fields: z.object({ eventName: z.string(), args: z.array(z.unknown()) }).optional(),
  }),
])
export type DdpFrame = z.infer<typeof frameSchema>

/** Valid DDP a listener has no use for. */
const SKIPPED_MESSAGES = new Set([
  'added',
  'removed',
  'updated',
  'addedBefore',
  'movedBefore',
  'error',
])

export type FrameReading =
  { kind: 'frame'; frame: DdpFrame } | { kind: 'skipped' } | { kind: 'garbage'; detail: string }

export function readFrame(text: string): FrameReading {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { kind: 'garbage', detail: 'not JSON' }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'garbage', detail: 'not a DDP message' }
  }
  const msg = (raw as { msg?: unknown }).msg
  // Meteor greets every socket with `{"server_id":"0"}` before anything else.
  if (msg === undefined && 'server_id' in raw) return { kind: 'skipped' }
  if (typeof msg === 'string' && SKIPPED_MESSAGES.has(msg)) return { kind: 'skipped' }
  const parsed = frameSchema.safeParse(raw)
  if (!parsed.success) {
    return { kind: 'garbage', detail: typeof msg === 'string' ? `malformed '${msg}'` : 'no msg' }
  }
  return { kind: 'frame', frame: parsed.data }
}

/** A login refused for its credentials (Meteor answers a bad or expired resume token with 403). */
export function isAuthError(error: DdpError): boolean {
  return (
    error.error === 403 || error.error === 401 || error.error === '403' || error.error === '401'
  )
}

export function describeDdpError(error: DdpError | undefined): string {
  if (!error) return 'no reason given'
  return error.reason ?? error.message ?? String(error.error ?? 'unknown error')
}
