// The ids of the newest calls tracked so far, as a value the pure tracker can pass on.
// A copied array or Set per signal would cost O(capacity) each time (8 000 `new`
// signals took 101 s), so the memory is an append-only log shared by successive
// states: each state knows where its view ends. Adding to the newest state appends in
// place (amortised O(1)); adding to an older one (a test exploring two futures of one
// state) copies its view first, so no state ever sees what another added. (A state
// left a whole capacity behind the newest may forget an id that came back since.)

interface SeenLog {
  ids: string[]
  /** Absolute position of each id in the log. */
  positions: Map<string, number>
  /** Absolute position of ids[0]: entries before it were compacted away. */
  base: number
}

export interface SeenMemory {
  readonly log: SeenLog
  /** Absolute position just past this state's newest id. */
  readonly end: number
  readonly capacity: number
}

export function createSeenMemory(capacity: number): SeenMemory {
  return { log: { ids: [], positions: new Map(), base: 0 }, end: 0, capacity }
}

export function hasSeen(memory: SeenMemory, id: string): boolean {
  const at = memory.log.positions.get(id)
  return at !== undefined && at < memory.end && at >= windowStart(memory)
}

export function rememberSeen(memory: SeenMemory, added: readonly string[]): SeenMemory {
  if (added.length === 0) return memory
  const { log } = memory
  const atHead = memory.end === log.base + log.ids.length
  const target = atHead ? log : copyView(memory)
  for (const id of added) {
    target.positions.set(id, target.base + target.ids.length)
    target.ids.push(id)
  }
  // Twice the capacity before compacting: each id is copied at most once on average.
  if (target.ids.length > 2 * memory.capacity) compact(target, memory.capacity)
  return { log: target, end: target.base + target.ids.length, capacity: memory.capacity }
}

/** How many ids the memory holds now (never more than its capacity). */
export function seenCount(memory: SeenMemory): number {
  return memory.end - windowStart(memory)
}

function windowStart(memory: SeenMemory): number {
  return Math.max(memory.log.base, memory.end - memory.capacity)
}

function copyView(memory: SeenMemory): SeenLog {
  const start = windowStart(memory)
  const ids = memory.log.ids.slice(start - memory.log.base, memory.end - memory.log.base)
  return { ids, positions: new Map(ids.map((id, i) => [id, start + i])), base: start }
}

function compact(log: SeenLog, keep: number): void {
  const dropped = log.ids.splice(0, log.ids.length - keep)
  for (const [i, id] of dropped.entries()) {
    // An id added again later (after it left the window) has a newer position: keep that one.
    if (log.positions.get(id) === log.base + i) log.positions.delete(id)
  }
  log.base += dropped.length
}
