// media-calls.* and call-history.*, as apps/meteor/app/api/server/v1/media-calls.ts and
// call-history.ts answer them. The only answer a tray client may send is `reject`;
// `accept`/`ack` would bind the call to a device without media, so they are refused
// here and stay visible in `requests` for tests to assert they never happen. The answer
// route looks the call up by its callee, so a reject by the caller is `not-found`.

import type { RouteDef } from './api'
import { isRecord } from './auth'
import type { CallStore } from './call-store'
import { queryHistory } from './call-history'
import { reply, type Reply } from './reply'
import { checkNumbers, checkShape, type QueryParams } from './validation'

const CALL_ANSWERS = ['accept', 'reject', 'ack', 'unavailable'] as const
const CALL_FEATURES = ['audio', 'screen-share', 'transfer', 'hold'] as const
const HISTORY_STATES = [
  'ended',
  'not-answered',
  'failed',
  'error',
  'transferred',
  'prevented',
] as const
const DEFAULT_COUNT = 50
const MAX_COUNT = 100

const failure = (error: string): Reply => reply(400, { success: false, error })
const notFound = (): Reply => reply(404, { success: false, error: 'Resource not found' })

export interface MediaCallRouteOptions {
  /** Answer a reject that went through with `invalid-call-state`, hanging up just after. */
  rejectAnswersInvalidState: boolean
  /** Runs a function just after the current answer has been sent. */
  defer: (fn: () => void) => void
}

export function mediaCallRoutes(store: CallStore, opts: MediaCallRouteOptions): RouteDef[] {
  return [
    {
      method: 'GET',
      name: 'media-calls.state',
      auth: true,
      handle: ({ user }) => reply(200, { calls: store.activeFor(user.id), success: true }),
    },
    {
      method: 'POST',
      name: 'media-calls.answer',
      auth: true,
      validate: (_query, body) =>
        checkShape(body, {
          required: ['callId', 'contractId', 'answer'],
          optional: ['supportedFeatures'],
          enums: { answer: CALL_ANSWERS, supportedFeatures: CALL_FEATURES },
          arrays: ['supportedFeatures'],
        }),
      handle: ({ user, body }) => {
        const { callId, answer } = isRecord(body) ? body : {}
        const call = store.get(String(callId))
        const mine = call?.callee.type === 'user' && call.callee.id === user.id
        if (!call || !mine) return failure('not-found')
        const ringing = call.state === 'none' || call.state === 'ringing'
        if (answer !== 'reject' || !ringing) return failure('invalid-call-state')
        const reject = () => store.hangup(call._id, { reason: 'rejected', by: user.id })
        if (opts.rejectAnswersInvalidState) {
          opts.defer(() => {
            if (store.get(call._id)?.ended === false) reject()
          })
          return failure('invalid-call-state')
        }
        return reply(200, { call: reject(), success: true })
      },
    },
    {
      method: 'GET',
      name: 'media-calls.info',
      auth: true,
      validate: (query) => checkShape(query, { required: ['callId'] }),
      handle: ({ user, query }) => {
        const call = store.get(String(query.callId))
        return call?.uids.includes(user.id) ? reply(200, { call, success: true }) : notFound()
      },
    },
  ]
}

export function callHistoryRoutes(store: CallStore): RouteDef[] {
  return [
    {
      method: 'GET',
      name: 'call-history.info',
      auth: true,
      validate: validateHistoryInfo,
      handle: ({ user, query }) => {
        const item = store
          .historyFor(user.id)
          .find((i) => (query.historyId ? i._id === query.historyId : i.callId === query.callId))
        if (!item) return notFound()
        const call = store.get(item.callId)
        return reply(200, call ? { item, call, success: true } : { item, success: true })
      },
    },
    {
      method: 'GET',
      name: 'call-history.list',
      auth: true,
      validate: (query) =>
        checkShape(query, {
          optional: ['count', 'offset', 'sort', 'filter', 'direction', 'state'],
          enums: { direction: ['inbound', 'outbound'], state: HISTORY_STATES },
          arrays: ['state'],
        }) ?? checkNumbers(query, ['count', 'offset']),
      handle: ({ user, query }) => {
        const count =
          query.count === undefined ? DEFAULT_COUNT : Math.min(Number(query.count), MAX_COUNT)
        const page = queryHistory(store.historyFor(user.id), {
          direction: single(query.direction),
          states: query.state === undefined ? undefined : [query.state].flat(),
          filter: single(query.filter),
          sortAscending: sortsAscending(single(query.sort)),
          offset: Number(query.offset ?? 0),
          count: count === 0 ? Infinity : count,
        })
        return reply(200, { ...page, success: true })
      },
    },
  ]
}

/** `{historyId}` or `{callId}`, exactly one (a JSON-schema oneOf). */
function validateHistoryInfo(query: QueryParams): string | undefined {
  const byHistory = checkShape(query, { required: ['historyId'] })
  const byCall = checkShape(query, { required: ['callId'] })
  if (!byHistory || !byCall) return undefined
  return `${byHistory}\n ${byCall}\n must match exactly one schema in oneOf`
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

/** parseJsonQuery's `sort` is JSON, e.g. `{"ts":1}`; only `ts` ordering is modelled. */
function sortsAscending(sort: string | undefined): boolean {
  if (!sort) return false
  try {
    const parsed: unknown = JSON.parse(sort)
    return isRecord(parsed) && parsed.ts === 1
  } catch {
    return false
  }
}
