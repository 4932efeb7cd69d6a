// The engine: polls the server through the scheduler, feeds the answers to the
// tracker, and turns the tracker's events into what adapters show and sound
// (status, call list, notifications, recent calls). Adapters only listen.
import type {
  Call,
  ConnectionStatus,
  MissedReason,
  RecentCall,
  RecentOutcome,
} from '../../common/calls'
import { missedBecauseText } from '../../common/missed-text'
import { AnnouncementCap } from './announcement-cap'
import { describeApiError, type ApiError } from './api-errors'
import { sameCalls } from './call-identity'
import {
  applySnapshot,
  createTrackerState,
  expireStale,
  markDeclined,
  TRACKED_CALLS_LIMIT,
  visibleCalls,
  type TrackerEvent,
  type TrackerState,
  type TrackerUpdate,
} from './call-tracker'
import type { Clock } from './clock'
import type { CallsApi, EngineEvent, EngineOptions, RealtimeHealth } from './engine-ports'
import { resolveUnansweredCall } from './missed-call-resolver'
import { confirmDeclined, mayHaveGoneThrough } from './decline-confirm'
import { MissWatch } from './miss-watch'
import { MissedWhileAway, type AwayMissedCall } from './missed-while-away'
import {
  incomingCallText,
  missedCallText,
  missedWhileAwayText,
  summaryText,
} from './notification-text'
import { reconcileSlowedStatus, sharedPollingStatus } from './online-notices'
import { interpretPollError } from './poll-errors'
import { DEFAULT_FLOOR_INTERVAL_MS, PollScheduler, type PollOutcome } from './poll-scheduler'
import { RateGate } from './rate-gate'
import { err, ok, type Result } from './result'
import type { CallsSnapshot, Reply } from './rocketchat-client'
import { applySignal, type TrackerSignal } from './tracker-signals'
import { UnreadableReport } from './unreadable-report'
import { gateCallsByVoice } from './voice-gate'

export type {
  CallsApi,
  EngineEvent,
  EngineOptions,
  RealtimeHealth,
  RealtimeSource,
} from './engine-ports'

const RECENT_LIMIT = 20
/** Up to this many calls missed while away get a notification each; more get one summary. */
const AWAY_NOTICES_EACH = 2
/** While signals arrive, a poll now and then only reconciles: at most 2 REST requests a minute. */
export const DEFAULT_RECONCILE_INTERVAL_MS = 45_000

export class CallEngine {
  private readonly api: CallsApi
  private readonly options: EngineOptions
  private readonly clock: Clock
  private readonly scheduler: PollScheduler
  private readonly listeners = new Set<(event: EngineEvent) => void>()
  private tracker: TrackerState
  private status: ConnectionStatus = { state: 'connecting' }
  /** A failure status waits for the scheduler to say when it retries. */
  private pendingStatus: ConnectionStatus | null = null
  private calls: Call[] = []
  private recent: RecentCall[] = []
  private stopped = false
  private realtimeHealthy = false
  private floorIntervalMs: number
  private readonly unsubscribe: (() => void)[] = []
  private readonly unreadableReport = new UnreadableReport()
  private readonly announcements = new AnnouncementCap()
  private reportedUntracked = 0
  private readonly historyGate: RateGate
  private readonly endingGate: RateGate
  private readonly misses: MissWatch

  constructor(options: EngineOptions) {
    this.options = options
    this.api = options.voice ? gateCallsByVoice(options.api, options.voice) : options.api
    this.clock = options.clock
    this.tracker = createTrackerState(options.userId)
    this.floorIntervalMs = options.floorIntervalMs ?? DEFAULT_FLOOR_INTERVAL_MS
    this.historyGate = new RateGate(options.clock)
    this.endingGate = new RateGate(options.clock)
    this.scheduler = new PollScheduler({
      clock: options.clock,
      poll: () => this.pollOnce(),
      onPlanned: (at) => this.flushPendingStatus(at),
      floorIntervalMs: this.floorIntervalMs,
      random: options.random,
      backoff: options.backoff,
    })
    this.misses = this.watchMisses(options)
  }

  private watchMisses(options: EngineOptions): MissWatch {
    const { away } = options
    const misses = new MissWatch({
      clock: options.clock,
      away: away && new MissedWhileAway({ ...away, clock: options.clock, warn: options.warn }),
      desk: options.desk,
      realtime: options.realtime !== undefined,
      onAwayMissed: (calls) => this.reportAwayMissed(calls),
    })
    this.listeners.add((event) => misses.observe(event))
    return misses
  }

  on(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get state(): {
    status: ConnectionStatus
    realtime: boolean
    calls: Call[]
    recent: RecentCall[]
  } {
    return {
      status: this.status,
      realtime: this.realtimeHealthy,
      calls: this.calls,
      recent: this.recent,
    }
  }

  start(): void {
    this.misses.started()
    this.emit({ type: 'status', status: this.status })
    this.scheduler.start()
    const realtime = this.options.realtime
    if (realtime) {
      this.unsubscribe.push(
        realtime.onSignal((signal) => this.handleSignal(signal)),
        realtime.onHealth((health) => this.handleRealtimeHealth(health)),
      )
      realtime.start()
    }
    const voice = this.options.voice
    if (voice) {
      // Into or out of "unavailable" the status follows at once: the next poll says why
      // (without a request), or polls again. From "unknown" polling never stopped, and a
      // fleet's checks all answering at once must not become a burst of polls.
      let previous = voice.current.kind
      this.unsubscribe.push(
        voice.onChange((next) => {
          if (next.kind === 'unavailable' || previous === 'unavailable') this.scheduler.refresh()
          previous = next.kind
        }),
      )
      voice.start()
    }
  }

  /** Final: a new sign-in makes a new engine. */
  stop(): void {
    this.stopped = true
    this.scheduler.stop()
    this.options.realtime?.stop()
    this.options.voice?.stop()
    for (const unsubscribe of this.unsubscribe.splice(0)) unsubscribe()
  }

  pause(): void {
    this.scheduler.pause()
    this.misses.asleep()
  }

  resume(): void {
    this.scheduler.resume()
    this.misses.awake()
    // After sleep the stream may be dead without knowing it; until it is back, poll.
    this.options.realtime?.reconnect()
  }

  refresh(): void {
    this.scheduler.refresh()
  }

  /** For the self-test: whether other desks share the calls route's budget, and what it costs. */
  get pollBudget(): { shared: boolean; sharedSpacingMs: number | null } {
    return {
      shared: this.scheduler.budgetIsShared,
      sharedSpacingMs: this.scheduler.sharedSpacingMs,
    }
  }

  /** The shortest time between polls while polling is the only source. */
  setFloorInterval(ms: number): void {
    this.floorIntervalMs = ms
    if (!this.realtimeHealthy) this.scheduler.setFloorInterval(ms)
  }

  private handleSignal(signal: TrackerSignal): void {
    if (this.stopped) return
    this.apply(applySignal(this.tracker, signal, this.clock.now(), this.clock.monotonic()))
    // Confirm with the server's view, spread within the rate budget.
    this.scheduler.reconcile()
  }

  private handleRealtimeHealth(health: RealtimeHealth): void {
    const healthy = health === 'healthy'
    if (this.stopped || healthy === this.realtimeHealthy) return
    this.realtimeHealthy = healthy
    this.scheduler.setFloorInterval(
      healthy
        ? (this.options.reconcileIntervalMs ?? DEFAULT_RECONCILE_INTERVAL_MS)
        : this.floorIntervalMs,
    )
    this.scheduler.setLuxury(healthy)
    if (healthy && (this.status.state === 'offline' || this.status.state === 'rate-limited')) {
      // Calls arrive again, whatever the last poll said.
      this.pendingStatus = null
      this.setStatus(reconcileSlowedStatus())
    } else if (!healthy && this.status.state === 'online') {
      // "Calls arrive over the live connection" is no longer true.
      this.setStatus(this.onlineStatus())
    }
    // Without the stream, poll at the normal pace at once: a call may be ringing unseen.
    // With it back, one poll catches up on what it missed (the stream does not replay).
    this.scheduler.refresh()
    this.emit({ type: 'realtime', healthy })
  }

  async decline(callId: string): Promise<Result<void, string>> {
    const tracked = this.tracker.calls.get(callId)
    if (!tracked || tracked.call.direction !== 'incoming' || tracked.call.state !== 'ringing') {
      return err('This call is no longer ringing.')
    }
    const answer = await this.api.rejectCall(callId, this.options.contractId)
    if (!answer.ok && !(await this.declinedAfterAll(callId, answer.error))) {
      return err(
        answer.error.kind === 'rejected'
          ? 'This call is no longer ringing.'
          : describeApiError(answer.error, this.clock.now()),
      )
    }
    this.apply(markDeclined(this.tracker, callId))
    this.scheduler.refresh()
    return ok(undefined)
  }

  /** A refused decline whose call then hangs up as rejected did go through. */
  private async declinedAfterAll(callId: string, error: ApiError): Promise<boolean> {
    if (!mayHaveGoneThrough(error)) return false
    return confirmDeclined(callId, {
      source: this.api,
      gate: this.endingGate,
      clock: this.clock,
      me: this.options.userId,
    })
  }

  private async pollOnce(): Promise<PollOutcome> {
    const requestedAt = this.clock.monotonic()
    const reply = await this.api.getCallsState()
    if (this.stopped) return { kind: 'stop' }
    if (reply.result.ok) {
      this.setStatus(this.onlineStatus())
      const snapshot = reply.result.value
      this.reportUnreadable(snapshot.unreadable)
      this.apply(
        applySnapshot(this.tracker, {
          calls: snapshot.calls,
          unreadableIds: snapshot.unreadable.flatMap((call) => (call.id ? [call.id] : [])),
          serverOffsetMs: snapshot.serverOffsetMs,
          requestedAt,
        }),
      )
      return { kind: 'success', budget: reply.budget }
    }
    // Only while the server cannot be asked: its answer, when there is one, is the
    // truth, and a wall clock moved forward must not end calls that still ring.
    this.apply(expireStale(this.tracker, this.clock.now()))
    return this.handlePollError(reply.result.error, reply.budget)
  }

  /** Once per call, and one line per poll however many there are. */
  private reportUnreadable(unreadable: CallsSnapshot['unreadable']): void {
    const line = this.unreadableReport.lineFor(unreadable)
    if (line) this.options.warn?.(line)
  }

  /** A snapshot's calls beyond the limit: said when their number changes, so once per poll at most. */
  private reportUntracked(untracked: number): void {
    if (untracked === this.reportedUntracked) return
    this.reportedUntracked = untracked
    if (untracked === 0) return
    this.options.warn?.(
      `The server listed ${untracked} more calls than the ${TRACKED_CALLS_LIMIT} tracked at once; they are not shown`,
    )
  }

  /** Polling alone within a shared budget cannot ring every call at once: say so. */
  private onlineStatus(): ConnectionStatus {
    const spacing = this.scheduler.sharedSpacingMs
    if (this.realtimeHealthy || !this.scheduler.budgetIsShared || spacing === null) {
      return { state: 'online' }
    }
    return sharedPollingStatus(spacing)
  }

  private handlePollError(error: ApiError, budget: Reply<unknown>['budget']): PollOutcome {
    const meaning = interpretPollError(error, budget, this.clock.now())
    const transient = meaning.status.state === 'offline' || meaning.status.state === 'rate-limited'
    // While the stream delivers every call, a throttled or failed check is no outage.
    if (transient && this.realtimeHealthy) {
      this.pendingStatus = null
      this.setStatus(reconcileSlowedStatus())
    } else if (error.kind === 'rate-limited' && this.scheduler.budgetIsShared) {
      // Within a shared budget a 429 now and then is the cost of sharing, not an outage.
      this.pendingStatus = null
      this.setStatus(this.onlineStatus())
    } else if (meaning.retryFromPlan) this.pendingStatus = meaning.status
    else this.setStatus(meaning.status)
    return meaning.outcome
  }

  /** Called by the scheduler with its next planned poll: the retry time the agent sees. */
  private flushPendingStatus(at: number | null): void {
    const pending = this.pendingStatus
    if (!pending) return
    this.pendingStatus = null
    if (pending.state === 'offline') this.setStatus({ ...pending, retryAt: at })
    else if (pending.state === 'rate-limited')
      this.setStatus({ ...pending, retryAt: at ?? pending.retryAt })
  }

  /**
   * The list goes out before the notifications, so whatever a notification opens already
   * shows the call. A signal that changed nothing costs no more than its lookup.
   */
  private apply(update: TrackerUpdate): void {
    const unchanged = update.state.calls === this.tracker.calls
    this.tracker = update.state
    if (!unchanged) {
      const calls = visibleCalls(this.tracker)
      if (!sameCalls(calls, this.calls)) {
        this.calls = calls
        this.emit({ type: 'calls', calls })
      }
    }
    for (const event of update.events) this.handleTrackerEvent(event)
    // One summary per update, however many calls joined or left it.
    const summary = this.announcements.summaryChange()
    if (summary !== null) this.emitSummary(summary)
    if (update.untracked !== undefined) this.reportUntracked(update.untracked)
  }

  private handleTrackerEvent(event: TrackerEvent): void {
    switch (event.type) {
      case 'incoming-call':
        if (this.announcements.incoming(event.call.id) === 'summarize') return
        this.emit({
          type: 'notification',
          event: 'incoming-call',
          call: event.call,
          ...incomingCallText(event.call),
        })
        return
      case 'notification-closed':
        if (this.announcements.closed(event.callId) !== 'close') return
        this.emit({ type: 'notification-closed', callId: event.callId, reason: event.reason })
        return
      case 'call-ended': {
        const summaryOnly = this.announcements.ended(event.call.id)
        if (event.declined) this.addRecent(event.call, 'declined')
        // A call that rang only in the summary has no notification to follow with a missed one.
        else if (event.answered || !event.rang || summaryOnly) this.addRecent(event.call, 'ended')
        else void this.resolveUnanswered(event.call)
      }
    }
  }

  private emitSummary(ringing: number): void {
    if (ringing === 0) this.emit({ type: 'notification-summary-closed' })
    else this.emit({ type: 'notification-summary', ringing, ...summaryText(ringing) })
  }

  private async resolveUnanswered(call: Call): Promise<void> {
    const outcome = await resolveUnansweredCall(call.id, {
      history: this.api,
      gate: this.historyGate,
      ending: { source: this.api, gate: this.endingGate },
      clock: this.clock,
      me: this.options.userId,
      retryDelaysMs: this.options.historyRetryDelaysMs,
    })
    // The call came back (a flaky answer said it was gone) or the agent signed out.
    if (this.stopped || this.tracker.calls.has(call.id)) return
    if (outcome === 'missed') {
      this.emit({ type: 'notification', event: 'missed-call', call, ...missedCallText(call) })
    }
    this.addRecent(
      call,
      outcome,
      outcome === 'missed' ? this.misses.reasonsFor(call.id) : undefined,
    )
  }

  private reportAwayMissed(calls: { missed: AwayMissedCall; because: MissedReason[] }[]): void {
    if (this.stopped) return
    for (const { missed, because } of calls) {
      this.addRecent(missed.call, 'missed', because, missed.rangUntil)
    }
    const missedCalls = calls.map(({ missed }) => missed.call)
    const newest = missedCalls.at(-1)
    if (!newest) return
    if (missedCalls.length <= AWAY_NOTICES_EACH) {
      for (const call of missedCalls) {
        this.emit({ type: 'notification', event: 'missed-call', call, ...missedCallText(call) })
      }
    } else {
      const text = missedWhileAwayText(missedCalls)
      this.emit({ type: 'notification', event: 'missed-call', call: newest, ...text })
    }
  }

  private addRecent(
    call: Call,
    outcome: RecentOutcome,
    missedBecause?: MissedReason[],
    endedAt = this.clock.now(),
  ): void {
    const entry: RecentCall = {
      id: call.id,
      direction: call.direction,
      peer: call.peer,
      outcome,
      endedAt,
      ...(missedBecause && missedBecause.length > 0 ? { missedBecause } : {}),
    }
    if (outcome === 'missed') {
      const why = missedBecause && missedBecauseText(missedBecause)
      this.options.info?.(`Missed call ${call.id}${why ? `: ${why}` : '.'}`)
    }
    this.recent = [entry, ...this.recent.filter((item) => item.id !== call.id)].slice(
      0,
      RECENT_LIMIT,
    )
    this.emit({ type: 'recent', recent: this.recent })
  }

  private setStatus(status: ConnectionStatus): void {
    if (sameStatus(status, this.status)) return
    this.status = status
    this.emit({ type: 'status', status })
  }

  private emit(event: EngineEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        // One failing adapter must never stop the engine or the other adapters.
        this.options.warn?.(`A listener failed on ${event.type}: ${String(error)}`)
      }
    }
  }
}

/** Statuses are flat objects of a few primitive fields; a field set to undefined is no field. */
function sameStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  const fieldsA: Record<string, unknown> = a
  const fieldsB: Record<string, unknown> = b
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((key) => fieldsA[key] === fieldsB[key])
}
