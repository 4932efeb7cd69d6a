// What a soak run will do, drawn up front from a seed: when each call comes and how it
// goes, and when each fault strikes and for how long. Times are virtual milliseconds
// from the start of the run. The same seed gives the same plan, so a failing run can
// be replayed.

export type CallScript =
  /** Rings, then the agent answers on another device (Rocket.Chat's web client or a phone). */
  | { kind: 'answered'; ringMs: number; talkMs: number }
  /** The caller hangs up while it rings: a missed call. */
  | { kind: 'caller-gave-up'; ringMs: number }
  /** The agent declines it on another device. */
  | { kind: 'declined-elsewhere'; ringMs: number }
  /** The agent clicks Decline on the app's notification, a moment after it appears. */
  | { kind: 'declined-in-app'; reactionMs: number }
  /** Nobody answers: the server hangs it up at its ring expiry. A missed call. */
  | { kind: 'unanswered' }
  /** The agent calls out: never an incoming-call notification. */
  | { kind: 'outgoing'; ringMs: number; talkMs: number | null }

export interface PlannedCall {
  atMs: number
  /** The callee's device acknowledges (none → ringing) after this long. */
  ackMs: number
  script: CallScript
}

export const FAULT_KINDS = [
  'http-5xx',
  'timeouts',
  'dropped-connections',
  'malformed-bodies',
  'server-restart',
  'rate-limit-storm',
  'realtime-drop',
  'realtime-dead-line',
  'realtime-refused',
  'realtime-garbage',
  'sleep',
  'clock-jump',
] as const

export type FaultKind = (typeof FAULT_KINDS)[number]

export interface PlannedFault {
  kind: FaultKind
  atMs: number
  /** 0 for faults that happen at an instant (a dropped socket, a clock jump). */
  durationMs: number
  /** clock-jump only: how far the app's wall clock moves. */
  jumpMs?: number
}

export interface SoakPlan {
  seed: number
  calls: PlannedCall[]
  faults: PlannedFault[]
  /** When the last call has been placed. */
  endMs: number
}

export interface PlanOptions {
  seed: number
  calls: number
  /** Mean time between two calls (exponential gaps). */
  meanCallGapMs?: number
  /** Mean quiet time between two faults. */
  meanFaultGapMs?: number
  /** No fault before this, so the run starts from a known-good state. */
  warmUpMs?: number
}

const SECOND = 1000
const MINUTE = 60 * SECOND

/** mulberry32: small, fast and good enough to draw a test plan from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One stream of draws for the whole plan, so a seed fixes every choice in it. */
interface Draws {
  random(): number
  /** A whole number from min to max. */
  between(min: number, max: number): number
  exponential(mean: number): number
}

function draws(seed: number): Draws {
  const random = seededRandom(seed)
  return {
    random,
    between: (min, max) => Math.round(min + random() * (max - min)),
    exponential: (mean) => -Math.log(1 - random()) * mean,
  }
}

export function drawPlan(options: PlanOptions): SoakPlan {
  const draw = draws(options.seed)
  const calls: PlannedCall[] = []
  let at = options.warmUpMs ?? MINUTE
  for (let i = 0; i < options.calls; i++) {
    at += Math.round(draw.exponential(options.meanCallGapMs ?? 15 * SECOND))
    calls.push({ atMs: at, ackMs: draw.between(100, 1500), script: drawScript(draw) })
  }
  const endMs = at
  return { seed: options.seed, calls, faults: drawFaults(options, endMs, draw), endMs }
}

function drawScript({ random, between }: Draws): CallScript {
  const roll = random()
  if (roll < 0.4)
    return { kind: 'answered', ringMs: between(2, 40) * SECOND, talkMs: talk(between) }
  if (roll < 0.6) return { kind: 'caller-gave-up', ringMs: between(3, 60) * SECOND }
  if (roll < 0.7) return { kind: 'declined-elsewhere', ringMs: between(2, 25) * SECOND }
  if (roll < 0.78) return { kind: 'declined-in-app', reactionMs: between(1, 6) * SECOND }
  if (roll < 0.85) return { kind: 'unanswered' }
  return {
    kind: 'outgoing',
    ringMs: between(2, 30) * SECOND,
    talkMs: random() < 0.7 ? talk(between) : null,
  }
}

function talk(between: (min: number, max: number) => number): number {
  return between(10, 300) * SECOND
}

/** Faults follow each other; every kind comes once before any comes again (a shuffled bag). */
function drawFaults(options: PlanOptions, endMs: number, draw: Draws): PlannedFault[] {
  const faults: PlannedFault[] = []
  let bag: FaultKind[] = []
  let at = (options.warmUpMs ?? MINUTE) + MINUTE
  while (at < endMs) {
    if (bag.length === 0) bag = shuffle([...FAULT_KINDS], draw.random)
    const kind = bag.pop() as FaultKind
    const fault = drawFault(kind, at, draw)
    faults.push(fault)
    const gap = draw.exponential(options.meanFaultGapMs ?? 90 * SECOND)
    at = fault.atMs + fault.durationMs + Math.round(20 * SECOND + gap)
  }
  return faults
}

function drawFault(kind: FaultKind, atMs: number, { random, between }: Draws): PlannedFault {
  const seconds = (min: number, max: number) => between(min, max) * SECOND
  switch (kind) {
    case 'http-5xx':
      return { kind, atMs, durationMs: seconds(10, 90) }
    case 'timeouts':
      return { kind, atMs, durationMs: seconds(10, 60) }
    case 'dropped-connections':
    case 'malformed-bodies':
      return { kind, atMs, durationMs: seconds(5, 40) }
    case 'server-restart':
      return { kind, atMs, durationMs: seconds(1, 30) }
    case 'rate-limit-storm':
      return { kind, atMs, durationMs: seconds(20, 120) }
    case 'realtime-drop':
    case 'realtime-garbage':
      return { kind, atMs, durationMs: 0 }
    case 'realtime-dead-line':
      return { kind, atMs, durationMs: seconds(20, 120) }
    case 'realtime-refused':
      return { kind, atMs, durationMs: seconds(30, 180) }
    case 'sleep':
      return { kind, atMs, durationMs: seconds(20, 5 * 60) }
    case 'clock-jump': {
      const magnitude = seconds(30, 3 * 60 * 60)
      return { kind, atMs, durationMs: 0, jumpMs: random() < 0.5 ? -magnitude : magnitude }
    }
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[items[i], items[j]] = [items[j] as T, items[i] as T]
  }
  return items
}
