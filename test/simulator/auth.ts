// Users, login tokens and two-factor login, as Rocket.Chat's REST login behaves
// (apps/meteor/app/api/server/ApiClass.ts `_initAuth`, app/2fa/server/code/index.ts):
// the password is checked before the second factor, a resume login returns the same
// token, and every failure is a 401 whose body carries the Meteor error.

import { createHash, randomBytes } from 'node:crypto'
import type { SimUser } from './types'

export type LoginOutcome =
  | { ok: true; user: SimUser; token: string }
  | { ok: false; error: string | number; message: string; details?: Record<string, unknown> }

const UNAUTHORIZED: LoginOutcome = { ok: false, error: 'Unauthorized', message: 'Unauthorized' }
const LOGIN_KEYS = new Set(['user', 'username', 'email', 'password', 'code'])

/** Like Meteor's Random.secret(): 43 url-safe characters. */
export function newLoginToken(): string {
  return randomBytes(32).toString('base64url')
}

export class UserDirectory {
  private readonly users: SimUser[]

  constructor(users: readonly SimUser[]) {
    // Tokens change at runtime: never touch the caller's (often shared) user records.
    this.users = users.map((u) => structuredClone(u))
  }

  findById(id: string): SimUser | undefined {
    return this.users.find((u) => u.id === id)
  }

  authenticate(userId: string | undefined, token: string | undefined): SimUser | undefined {
    if (!userId || !token) return undefined
    const user = this.findById(userId)
    return user?.tokens.includes(token) ? user : undefined
  }

  revoke(user: SimUser, token: string): void {
    user.tokens = user.tokens.filter((t) => t !== token)
  }

  login(body: unknown, headerCode: string | undefined): LoginOutcome {
    const params = isRecord(body) ? body : {}
    if (params.password != null && Object.keys(params).every((k) => LOGIN_KEYS.has(k))) {
      return this.passwordLogin(params, headerCode)
    }
    if (typeof params.resume === 'string') {
      const user = this.users.find((u) => u.tokens.includes(params.resume as string))
      return user ? { ok: true, user, token: params.resume } : UNAUTHORIZED
    }
    return { ok: false, error: 400, message: 'Unrecognized options for login request' }
  }

  private passwordLogin(params: Record<string, unknown>, headerCode: string | undefined) {
    const user = this.findByLoginName(params)
    if (!user || !passwordMatches(user.password, params.password)) return UNAUTHORIZED
    const code = stringOrUndefined(params.code) ?? headerCode
    const secondFactor = user.twoFactor ? checkSecondFactor(user, code) : undefined
    if (secondFactor) return secondFactor
    const token = newLoginToken()
    user.tokens.push(token)
    return { ok: true as const, user, token }
  }

  private findByLoginName(params: Record<string, unknown>): SimUser | undefined {
    const { user, username, email } = params
    const byEmail = (address: string) =>
      this.users.find((u) => `${u.username}@example.com` === address.toLowerCase())
    const byUsername = (name: string) => this.users.find((u) => u.username === name)
    if (typeof user === 'string') return user.includes('@') ? byEmail(user) : byUsername(user)
    if (typeof username === 'string') return byUsername(username)
    if (typeof email === 'string') return byEmail(email)
    return undefined
  }
}

/** Rocket.Chat's checkCodeForUser: `totp-required` without a code, `totp-invalid` with a wrong one. */
function checkSecondFactor(user: SimUser, code: string | undefined): LoginOutcome | undefined {
  const factor = user.twoFactor
  if (!factor) return undefined
  const processed =
    factor.method === 'email'
      ? { codeGenerated: true, emailOrUsername: user.username }
      : { codeGenerated: false }
  if (!code) {
    const availableMethods = factor.method === 'password' ? [] : [factor.method]
    return {
      ok: false,
      error: 'totp-required',
      message: 'TOTP Required',
      details: { method: factor.method, ...processed, availableMethods },
    }
  }
  if (code !== factor.code) {
    return {
      ok: false,
      error: 'totp-invalid',
      message: 'TOTP Invalid',
      details: { method: factor.method, codeGenerated: false },
    }
  }
  return undefined
}

/** Accepts the plain password or Meteor's `{digest, algorithm: 'sha-256'}` form. */
function passwordMatches(expected: string, given: unknown): boolean {
  if (typeof given === 'string') return given === expected
  if (isRecord(given) && typeof given.digest === 'string') {
    return given.digest.toLowerCase() === createHash('sha256').update(expected).digest('hex')
  }
  return false
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
