// The part of electron-store (conf) that settings and the credential vault use.
// electron-store and conf satisfy it as they are, so the logic is tested on a real
// file with conf and never needs Electron.

export interface KeyValueStore {
  get(key: string): unknown
  /** Writes the whole file atomically; throws when the disk refuses. */
  set(key: string, value: unknown): void
  delete(key: string): void
}

/** For when settings.json cannot be opened at all: the app runs, nothing is kept. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>()

  get(key: string): unknown {
    return structuredClone(this.values.get(key))
  }

  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value))
  }

  delete(key: string): void {
    this.values.delete(key)
  }
}
