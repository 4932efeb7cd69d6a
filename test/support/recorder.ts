// Records what a subject emits, and lets a test wait for the first item that
// matches. Tests wait on events, not on the clock: the timeout only turns a hang
// into a readable failure.
export class Recorder<T> {
  readonly items: T[] = []
  private readonly waiters = new Set<() => void>()

  constructor(private readonly describeForFailure: () => string = () => '') {}

  push(item: T): void {
    this.items.push(item)
    for (const wake of this.waiters) wake()
  }

  waitFor(predicate: (item: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const found = this.items.find(predicate)
        if (found === undefined) return
        this.waiters.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        this.waiters.delete(check)
        reject(new Error(`Timed out waiting for ${what}.\n${this.describeForFailure()}`))
      }, timeoutMs)
      this.waiters.add(check)
      check()
    })
  }
}
