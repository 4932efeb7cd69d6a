// The port the update controller owns. main/updates/electron-updater-adapter.ts
// implements it with electron-updater; tests implement it with a recording fake.

export interface UpdateFeed {
  url: string
  channel: string | null
}

export interface AvailableUpdate {
  version: string
  /** When the feed says the update was published (ISO 8601), if it says. */
  releaseDate: string | null
}

export interface Updater {
  /** Points the updater at the feed; nothing is fetched until `check()`. */
  useFeed(feed: UpdateFeed): void
  /** Asks the feed; null when it offers nothing newer than the running version. */
  check(): Promise<AvailableUpdate | null>
  /** Downloads what the last check found; rejects unless its sha512 matches the feed's. */
  download(): Promise<void>
  /** Quits, installs the downloaded update silently and starts the app again. */
  restartAndInstall(): void
}
