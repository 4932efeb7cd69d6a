// Calls that rang and ended while the app could not see them (asleep, offline, not
// running) never reach the tracker. After each recovery one `call-history.list` request
// asks the server what was missed; the mark remembered on disk (ids and a timestamp,
// never names) makes sure a call is reported once, across restarts too.
import type { Call, CallPeer } from '../../common/calls'
import type { ServerCallHistoryItem } from './api-schemas'
import type { Clock } from './clock'
import { cleanDisplayText } from './display-text'
import { RateGate } from './rate-gate'
import type { Reply } from './rocketchat-client'

/** The newest missed calls one request asks for: beyond a handful, a summary says it. */
export const AWAY_LIST_COUNT = 10
/** How long one recovery waits for the route's shared rate budget before it gives up. */
export const AWAY_GATE_WAIT_MS = 70_000
/** Enough to cover every call seen live between two recoveries in a busy contact center. */
const KNOWN_ID_MEMORY = 200

export interface MissedCallsSource {
  listMissedCalls(count: number): Promise<Reply<ServerCallHistoryItem[]>>
  /** Server clock minus local clock, to place a history time on the desk's timeline. */
  readonly serverOffsetMs?: number
}

/**
 * What has been accounted for, on the server's clock: no call older than `newestTs` is
 * reported, nor any call in `knownIds` (reported here, or seen live by the engine).
 * `account` is a hash of server and user, so another sign-in starts afresh.
 */
export interface AwayMark {
  account: string
  newestTs: number
  knownIds: string[]
}

export interface AwayMarkStore {
  load(): AwayMark | null
  save(mark: AwayMark): void
}

export interface AwayMissedCall {
  call: Call
  /** When it rang, local clock. */
  rangFrom: number
  rangUntil: number
}

export interface MissedWhileAwayOptions {
  source: MissedCallsSource
  store: AwayMarkStore
  account: string
  clock: Clock
  count?: number
  warn?: (message: string) => void
}

export class MissedWhileAway {
  private mark: AwayMark | null
  private readonly gate: RateGate
  private inFlight: Promise<AwayMissedCall[] | null> | null = null
  /** Calls seen live before the first mark for this account existed. */
  private readonly pendingSeen = new Set<string>()

  constructor(private readonly options: MissedWhileAwayOptions) {
    const stored = options.store.load()
    this.mark = stored?.account === options.account ? stored : null
    // The route's own 10/min per-IP counter is shared by the whole office.
    this.gate = new RateGate(options.clock)
  }

  /** A call the engine saw itself: it reports that call, so a catch-up must not. */
  noteSeen(callId: string): void {
    if (!this.mark) {
      this.pendingSeen.add(callId)
      return
    }
    if (this.mark.knownIds.includes(callId)) return
    this.save({ ...this.mark, knownIds: remember(this.mark.knownIds, [callId]) })
  }

  /**
   * One request: the calls missed since the mark, oldest first, or null when the server
   * could not be asked (the mark stays, so the next recovery covers the same time).
   * The first catch-up for an account only sets the mark: older calls are not "away".
   */
  catchUp(): Promise<AwayMissedCall[] | null> {
    this.inFlight ??= this.askOnce().finally(() => (this.inFlight = null))
    return this.inFlight
  }

  private async askOnce(): Promise<AwayMissedCall[] | null> {
    const { clock, source } = this.options
    if (!(await this.gate.acquire(clock.monotonic() + AWAY_GATE_WAIT_MS))) return null
    const reply = await source.listMissedCalls(this.options.count ?? AWAY_LIST_COUNT)
    this.gate.update(reply.budget)
    if (!reply.result.ok) {
      if (reply.result.error.kind === 'rate-limited')
        this.gate.exhaustedUntil(reply.result.error.resetAt)
      this.options.warn?.(`Missed calls could not be asked for: ${reply.result.error.kind}`)
      return null
    }
    const items = reply.result.value
    const mark = this.mark
    const fresh = mark ? items.filter((item) => isNew(item, mark)) : []
    this.save(nextMark(this.options.account, mark, items, [...this.pendingSeen]))
    this.pendingSeen.clear()
    const offset = source.serverOffsetMs ?? 0
    return fresh.reverse().map((item) => toMissedCall(item, offset))
  }

  private save(mark: AwayMark): void {
    this.mark = mark
    try {
      this.options.store.save(mark)
    } catch (error) {
      // Kept in memory: this run still reports each call once.
      this.options.warn?.(`The missed-call mark could not be saved: ${String(error)}`)
    }
  }
}

function isNew(item: ServerCallHistoryItem, mark: AwayMark): boolean {
  return item.ts >= mark.newestTs && !mark.knownIds.includes(item.callId)
}

function nextMark(
  account: string,
  mark: AwayMark | null,
  items: readonly ServerCallHistoryItem[],
  seen: readonly string[],
): AwayMark {
  const newestTs = Math.max(mark?.newestTs ?? 0, ...items.map((item) => item.ts))
  const ids = items.map((item) => item.callId)
  return { account, newestTs, knownIds: remember(mark?.knownIds ?? [], [...seen, ...ids]) }
}

function remember(known: readonly string[], added: readonly string[]): string[] {
  const fresh = added.filter((id, index) => !known.includes(id) && added.indexOf(id) === index)
  return [...known, ...fresh].slice(-KNOWN_ID_MEMORY)
}

/** The caller hangs up an unanswered call after 60 s (TIMEOUT_TO_ACCEPT). */
const RING_TIMEOUT_MS = 60_000

function toMissedCall(item: ServerCallHistoryItem, serverOffsetMs: number): AwayMissedCall {
  const rangFrom = item.ts - serverOffsetMs
  const rangUntil = (item.endedAt ?? item.ts + RING_TIMEOUT_MS) - serverOffsetMs
  const call: Call = {
    id: item.callId,
    direction: 'incoming',
    state: 'ringing',
    peer: historyPeer(item),
    features: [],
    since: rangFrom,
  }
  return { call, rangFrom, rangUntil }
}

function historyPeer(item: ServerCallHistoryItem): CallPeer {
  const username = cleanDisplayText(item.contactUsername)
  const sipExtension = cleanDisplayText(item.contactExtension)
  const displayName =
    cleanDisplayText(item.contactName) ??
    (username ? `@${username}` : null) ??
    sipExtension ??
    'Unknown caller'
  return {
    id: item.contactId ?? sipExtension ?? '',
    displayName,
    username,
    sipExtension,
    kind: item.external ? 'sip' : 'user',
  }
}
