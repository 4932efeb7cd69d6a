// Keeps timer and countdown text current without rebuilding anything: each
// entry owns one text node, and only that node's data changes.

export interface LiveText {
  node: Text
  /** The instant the text's whole seconds count from (call.since, status.retryAt). */
  anchor: number
  text: (now: number) => string
}

export interface Ticker {
  /** Replace what is ticking; called after every render. */
  show(items: LiveText[]): void
}

/** How long until (now - anchor) next crosses a whole second, when the text can change. */
function msToNextSecond(now: number, anchor: number): number {
  const into = (((now - anchor) % 1000) + 1000) % 1000
  return 1000 - into
}

export function createTicker(): Ticker {
  let items: LiveText[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  // Waking at each anchor's second boundary (rather than on a free-running
  // 1 s interval) keeps every timer exact and lets tests step the clock.
  function tick(): void {
    clearTimeout(timer)
    timer = undefined
    const now = Date.now()
    for (const item of items) {
      const text = item.text(now)
      if (item.node.data !== text) item.node.data = text
    }
    if (items.length === 0) return
    const wait = Math.min(...items.map((item) => msToNextSecond(now, item.anchor)))
    timer = setTimeout(tick, wait)
  }

  return {
    show(next) {
      items = next
      tick()
    },
  }
}
