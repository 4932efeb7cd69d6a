// A username-and-password login: the REST login, and when it answers Rocket.Chat 9.0's bare
// 401 (which no longer says whether a two-factor code is missing or wrong), the same login
// asked once over DDP, whose answer still says which. A code goes with the REST login
// (9.0's REST login still takes `code`, as `{totp: {login, code}}` for the DDP method).
import type { ApiError } from '../core/api-errors'
import type { DdpSignIn, DdpUnavailable } from '../core/realtime/ddp-sign-in'
import { err, type Result } from '../core/result'
import type { Credentials, RocketChatClient } from '../core/rocketchat-client'

export interface PasswordLoginInput {
  user: string
  password: string
  code?: string | undefined
}

export async function passwordLogin(
  input: PasswordLoginInput,
  client: Pick<RocketChatClient, 'login'>,
  askOverDdp: DdpSignIn | undefined,
): Promise<Result<Credentials, ApiError | DdpUnavailable>> {
  const rest = await client.login(input)
  if (rest.ok || rest.error.kind !== 'unauthorized' || !rest.error.bare || !askOverDdp) return rest
  const ddp = await askOverDdp(input)
  // A DDP login that went through is a login like the REST one: its resume token works for REST.
  if (ddp.ok || ddp.error.kind !== 'unauthorized') return ddp
  return err(rest.error)
}
