// The sign-in form's input as main receives it: parsed with the shared contract
// schema (it comes from the renderer), then checked for what the schema cannot
// know, each problem put on the field the agent has to fix.
import { signInInputSchema, type SignInField } from '../../common/ipc-contract'
import type { z } from 'zod'
import { err, ok, type Result } from '../core/result'
import type { Credentials } from '../core/rocketchat-client'
import { parseServerUrl, type ServerUrl } from '../core/server-url'

export interface FieldError {
  field: SignInField | null
  message: string
}

export type CheckedSignIn =
  | { method: 'token'; server: ServerUrl; credentials: Credentials }
  | {
      method: 'password'
      server: ServerUrl
      user: string
      password: string
      code: string | undefined
    }

const LABELS: Record<SignInField, string> = {
  serverUrl: 'server address',
  userId: 'user id',
  authToken: 'access token',
  user: 'username or e-mail',
  password: 'password',
  code: 'code',
}

const FIELDS = new Set<string>(Object.keys(LABELS))

// Both travel as HTTP header values: a stray space, line break or non-ASCII
// character from a sloppy copy would break the request, not just fail it.
const HEADER_SAFE = /^[\x21-\x7e]+$/

export function checkSignInInput(input: unknown): Result<CheckedSignIn, FieldError> {
  const parsed = signInInputSchema.safeParse(input)
  if (!parsed.success) return err(describeIssue(parsed.error))
  const value = parsed.data
  const server = parseServerUrl(value.serverUrl)
  if (!server.ok) return err({ field: 'serverUrl', message: server.error })
  if (value.method === 'token') {
    if (!HEADER_SAFE.test(value.userId)) {
      return err({
        field: 'userId',
        message: 'A user id cannot contain spaces, line breaks or accented letters. Copy it again.',
      })
    }
    if (!HEADER_SAFE.test(value.authToken)) {
      return err({
        field: 'authToken',
        message:
          'An access token cannot contain spaces, line breaks or accented letters. Copy it again.',
      })
    }
    return ok({
      method: 'token',
      server: server.value,
      credentials: { userId: value.userId, authToken: value.authToken },
    })
  }
  if (value.code === '') {
    return err({ field: 'code', message: 'Enter the code.' })
  }
  return ok({
    method: 'password',
    server: server.value,
    user: value.user,
    password: value.password,
    code: value.code,
  })
}

function describeIssue(error: z.ZodError): FieldError {
  const issue = error.issues[0]
  const key = issue?.path[0]
  if (!issue || typeof key !== 'string' || !FIELDS.has(key)) {
    return {
      field: null,
      message: 'Choose how to sign in: with a password or with an access token.',
    }
  }
  const field = key as SignInField
  if (issue.code === 'too_big') return { field, message: `That ${LABELS[field]} is too long.` }
  // The contract's own messages ("Enter your user id.") cover empty and blank fields.
  if (issue.code === 'too_small') return { field, message: issue.message }
  // Missing or not text at all: only a broken caller sends that.
  return { field, message: `Enter your ${LABELS[field]}.` }
}
