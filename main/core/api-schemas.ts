// Schemas for what Rocket.Chat answers. Tolerant where real servers and the
// published docs differ (string booleans, missing optional fields, extra fields,
// states the docs omit), strict where a wrong value would mislead the agent.
import { z } from 'zod'
import {
  MAX_ID_LENGTH,
  MAX_TIMESTAMP_LENGTH,
  serverFeatures,
  serverId,
  serverText,
  serverWord,
} from './server-limits'

/** The docs' examples write `"false"`/`"true"`; real servers send booleans. */
const booleanish = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true')

/** ISO-8601 string (REST) or epoch ms; becomes epoch ms on the server's clock. */
const timestamp = z
  .union([z.string().max(MAX_TIMESTAMP_LENGTH), z.number()])
  .transform((value, ctx) => {
    const ms = typeof value === 'number' ? value : Date.parse(value)
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: `not a date: ${JSON.stringify(value)}` })
      return z.NEVER
    }
    return ms
  })

export const KNOWN_CALL_STATES = ['none', 'ringing', 'accepted', 'active', 'hangup'] as const
export type ServerCallState = (typeof KNOWN_CALL_STATES)[number] | 'unknown'

const callState = serverWord.transform((value): ServerCallState => {
  return (KNOWN_CALL_STATES as readonly string[]).includes(value)
    ? (value as ServerCallState)
    : 'unknown'
})

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined)

/** Names and extensions: cut to length (see server-limits.ts). */
const optionalServerText = serverText.nullish().transform((value) => value ?? undefined)

export const callPartySchema = z.object({
  type: serverWord,
  id: z.string().max(MAX_ID_LENGTH),
  contractId: serverId.nullish().transform((value) => value ?? undefined),
  displayName: optionalServerText,
  username: optionalServerText,
  sipExtension: optionalServerText,
})
export type ServerCallParty = z.infer<typeof callPartySchema>

export const mediaCallSchema = z.object({
  _id: serverId,
  state: callState,
  caller: callPartySchema,
  callee: callPartySchema,
  ended: booleanish.default(false),
  features: serverFeatures.default([]),
  createdAt: timestamp,
  acceptedAt: timestamp.optional(),
  activatedAt: timestamp.optional(),
  expiresAt: timestamp.optional(),
  _updatedAt: timestamp.optional(),
})
export type ServerMediaCall = z.infer<typeof mediaCallSchema>

/** Calls are checked one by one so that one odd call cannot hide the others. */
export const callsStateSchema = z.object({
  calls: z.array(z.unknown()),
  success: booleanish.optional(),
})

/** A write the server did: Rocket.Chat's API.v1.success() says `success: true`; a 200 with `null`, `{}` or a proxy's JSON is no confirmation. */
export const confirmationSchema = z.object({
  success: booleanish.refine((success) => success, 'the server did not confirm it'),
})

export const loginSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    userId: z.string().min(1),
    authToken: z.string().min(1),
  }),
})

export const meSchema = z.object({
  _id: z.string().min(1),
  username: z.string().min(1),
  name: optionalText,
})
export type Me = z.infer<typeof meSchema>

export const serverInfoSchema = z.object({ version: z.string() })

export const callHistoryInfoSchema = z.object({
  item: z.object({ state: z.string() }),
  /** The finished call, which tells who hung up and why. */
  call: z
    .object({
      hangupReason: optionalText,
      endedBy: z.object({ id: z.string() }).nullish(),
    })
    .nullish(),
})

/** `call-history.list`: items that do not validate are skipped one by one (see listMissedCalls). */
export const callHistoryListSchema = z.object({ items: z.array(z.unknown()) })

/** One inbound history item: the other party is a user (contact*) or a SIP extension. */
export const callHistoryItemSchema = z.object({
  callId: z.string().min(1),
  ts: timestamp,
  endedAt: timestamp.optional(),
  external: booleanish.default(false),
  contactId: optionalText,
  contactName: optionalText,
  contactUsername: optionalText,
  contactExtension: optionalText,
})
export type ServerCallHistoryItem = z.infer<typeof callHistoryItemSchema>

/** `media-calls.info`: also finished calls, which tell at once how a call ended. */
export const mediaCallInfoSchema = z.object({
  call: z.object({
    state: z.string(),
    ended: booleanish.default(false),
    hangupReason: optionalText,
    endedBy: z.object({ id: z.string() }).nullish(),
    acceptedAt: timestamp.optional(),
    activatedAt: timestamp.optional(),
  }),
})

/** `licenses.info`: only the modules matter here (the raw license needs a privileged permission). */
export const licenseInfoSchema = z.object({
  license: z.object({ activeModules: z.array(z.string()) }),
})

/** `me`, read for its roles only; a server that omits them cannot tell. */
export const myRolesSchema = z.object({ roles: z.array(z.string()).optional() })

export const permissionsListSchema = z.object({
  update: z.array(
    z.object({
      _id: z.string(),
      roles: z.array(z.string()).default([]),
      _updatedAt: z.string().optional().catch(undefined),
    }),
  ),
  remove: z.array(z.object({ _id: z.string() })).default([]),
})

export const publicSettingsSchema = z.object({
  settings: z.array(z.object({ _id: z.string(), value: z.unknown() })),
})

/** 401 bodies: the current shape, the legacy one, and the 2FA challenge. */
export const errorBodySchema = z.object({
  error: z.string().optional(),
  errorType: z.string().optional(),
  message: z.string().optional(),
  details: z.object({ method: z.string().optional() }).optional(),
})
