// Checks a sign-in against the server, in the order that gives the most specific
// answer: is it Rocket.Chat (`/api/info`), which credentials (`login` or the given
// token), do they work (`/me`), does it have media calls (`media-calls.state`, once).
import type { DdpSignIn } from '../core/realtime/ddp-sign-in'
import { err, ok, type Result } from '../core/result'
import type { Credentials, RocketChatClient } from '../core/rocketchat-client'
import { passwordLogin } from './password-login'
import type { SignedInUser } from './session-types'
import type { CheckedSignIn } from './sign-in-input'
import {
  identityFailure,
  loginFailure,
  mediaCallsFailure,
  serverCheckFailure,
  type SignInFailure,
} from './sign-in-errors'

export type SignInClient = Pick<
  RocketChatClient,
  'getServerInfo' | 'login' | 'me' | 'getCallsState' | 'logout' | 'setCredentials' | 'close'
>

export interface Verified {
  credentials: Credentials
  user: SignedInUser
}

export async function verifySignIn(
  input: CheckedSignIn,
  client: SignInClient,
  now: () => number,
  /** Asked when the REST login's 401 says nothing more (Rocket.Chat 9.0). */
  askOverDdp?: DdpSignIn,
): Promise<Result<Verified, SignInFailure>> {
  const host = input.server.host
  const info = await client.getServerInfo()
  if (!info.ok) return err(serverCheckFailure(info.error, host, now()))

  let credentials: Credentials
  if (input.method === 'token') {
    credentials = input.credentials
  } else {
    const { user, password, code } = input
    const login = await passwordLogin({ user, password, code }, client, askOverDdp)
    if (!login.ok) return err(loginFailure(login.error, host, now()))
    credentials = login.value
  }
  client.setCredentials(credentials)

  const me = await client.me()
  if (!me.ok) return abandon(client, input, identityFailure(me.error, input.method, host, now()))
  const calls = await client.getCallsState()
  const missing = calls.result.ok
    ? null
    : mediaCallsFailure(calls.result.error, input.method, host, now())
  if (missing) return abandon(client, input, missing)

  const { _id: id, username, name } = me.value
  return ok({ credentials, user: { id, username, displayName: name?.trim() || username } })
}

/** A token this sign-in created and will not keep is revoked, not left valid for 90 days. */
async function abandon(
  client: SignInClient,
  input: CheckedSignIn,
  failure: SignInFailure,
): Promise<Result<Verified, SignInFailure>> {
  if (input.method === 'password') await client.logout()
  return err(failure)
}
