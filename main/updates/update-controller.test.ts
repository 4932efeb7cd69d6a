import { describe, expect, it } from 'vitest'
import { ManualClock, RecordingLogger } from '../../test/support/app-fakes'
import {
  CALL_END_POLL_MS,
  CHECK_INTERVAL_MS,
  CHECK_JITTER_MS,
  FIRST_CHECK_DELAY_MS,
  FIRST_CHECK_JITTER_MS,
  UpdateController,
} from './update-controller'
import type { UpdatePolicy } from './update-policy'
import type { AvailableUpdate, UpdateFeed, Updater } from './updater'

const HOUR = 3_600_000
const FEED: UpdatePolicy = {
  enabled: true,
  feedUrl: 'https://updates.corp.example/call-tray/',
  channel: null,
  deferHours: 0,
}

/** An updater that records what the controller asks of it and answers as told. */
class FakeUpdater implements Updater {
  feeds: UpdateFeed[] = []
  checks = 0
  downloads = 0
  installs = 0
  offer: AvailableUpdate | null = null
  checkFails = false
  downloadFails = false
  useFeed(feed: UpdateFeed): void {
    this.feeds.push(feed)
  }
  async check(): Promise<AvailableUpdate | null> {
    this.checks++
    if (this.checkFails) throw new Error('feed unreachable')
    return this.offer
  }
  async download(): Promise<void> {
    this.downloads++
    if (this.downloadFails) throw new Error('sha512 checksum mismatch')
  }
  restartAndInstall(): void {
    this.installs++
  }
}

function setUp(policy: Partial<UpdatePolicy> = {}, jitter: number[] = [0]) {
  const clock = new ManualClock()
  const logger = new RecordingLogger()
  const updater = new FakeUpdater()
  let created = 0
  let liveCalls = false
  let draws = 0
  const controller = new UpdateController({
    policy: { ...FEED, ...policy },
    createUpdater: () => {
      created++
      return updater
    },
    hasLiveCalls: () => liveCalls,
    clock,
    random: () => jitter[Math.min(draws++, jitter.length - 1)] ?? 0,
    logger,
  })
  /** Moves time on and lets the updater's answers arrive. */
  const advance = async (ms: number) => {
    clock.advance(ms)
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve))
  }
  return {
    clock,
    logger,
    updater,
    controller,
    advance,
    created: () => created,
    setLiveCalls: (live: boolean) => (liveCalls = live),
  }
}

const update = (releaseDate: string | null = null): AvailableUpdate => ({
  version: '0.2.0',
  releaseDate,
})

describe('UpdateController', () => {
  it.each([
    ['no feed', { feedUrl: null }, 'the policy names no update feed'],
    ['updates off', { enabled: false }, 'updates are turned off by policy'],
    ['a plain-http feed', { feedUrl: 'http://updates.corp.example/' }, 'must use https://'],
    ['a feed with a password', { feedUrl: 'https://it:pw@updates.corp.example/' }, 'password'],
    ['a negative deferral', { deferHours: -1 }, 'deferHours must be 0 or more'],
  ])('makes no request at all with %s', async (_case, policy, reason) => {
    const { controller, clock, created, advance, logger } = setUp(policy)
    controller.start()
    await advance(7 * 24 * HOUR)
    expect(created()).toBe(0)
    expect(clock.pending).toBe(0)
    expect(logger.lines.join('\n')).toContain(reason)
  })

  it('uses the policy’s feed and channel, `latest` meaning the default', () => {
    const beta = setUp({ channel: 'beta' })
    beta.controller.start()
    const latest = setUp({ channel: 'latest' })
    latest.controller.start()
    expect(beta.updater.feeds).toEqual([{ url: FEED.feedUrl, channel: 'beta' }])
    expect(latest.updater.feeds).toEqual([{ url: FEED.feedUrl, channel: null }])
  })

  it('checks a minute or two after start, then every six hours plus up to half an hour', async () => {
    const { controller, updater, advance } = setUp({}, [0.5, 0.25, 1 - 1e-9])
    controller.start()
    const first = FIRST_CHECK_DELAY_MS + 0.5 * FIRST_CHECK_JITTER_MS
    await advance(first - 1)
    expect(updater.checks).toBe(0)
    await advance(1)
    expect(updater.checks).toBe(1)
    const second = CHECK_INTERVAL_MS + 0.25 * CHECK_JITTER_MS
    await advance(second - 1)
    expect(updater.checks).toBe(1)
    await advance(1)
    expect(updater.checks).toBe(2)
    // The jitter never stretches a wait past six and a half hours.
    await advance(CHECK_INTERVAL_MS + CHECK_JITTER_MS)
    expect(updater.checks).toBe(3)
  })

  it('downloads an update in the background and offers the restart once it is there', async () => {
    const { controller, updater, advance } = setUp()
    updater.offer = update('2026-01-01T00:00:00.000Z')
    const changes: string[] = []
    controller.onChange(() => changes.push(controller.readiness()))
    controller.start()
    expect(controller.readiness()).toBe('none')
    await advance(FIRST_CHECK_DELAY_MS)
    expect(updater.downloads).toBe(1)
    expect(controller.readiness()).toBe('ready')
    expect(changes).toEqual(['ready'])
    // Nothing is checked again once an update waits to be installed.
    await advance(2 * CHECK_INTERVAL_MS)
    expect(updater.checks).toBe(1)
    expect(updater.installs).toBe(0)
  })

  it('does not install an update published less than deferHours ago, and does once it is old enough', async () => {
    const { controller, clock, updater, advance } = setUp({ deferHours: 24 })
    // Published 20 hours before the app started: installable four hours after.
    updater.offer = update(new Date(clock.now() - 20 * HOUR).toISOString())
    const installableAt = clock.now() + 4 * HOUR
    controller.start()
    await advance(FIRST_CHECK_DELAY_MS)
    expect(updater.checks).toBe(1)
    expect(updater.downloads).toBe(0)
    await advance(installableAt - clock.now() - 1)
    expect(updater.downloads).toBe(0)
    await advance(1)
    expect(updater.checks).toBe(2)
    expect(updater.downloads).toBe(1)
    expect(controller.readiness()).toBe('ready')
  })

  it('defers an update without a release date from when it was first seen', async () => {
    const { controller, updater, advance } = setUp({ deferHours: 10 })
    updater.offer = update(null)
    controller.start()
    await advance(FIRST_CHECK_DELAY_MS)
    await advance(10 * HOUR - 1)
    expect(updater.downloads).toBe(0)
    await advance(CHECK_INTERVAL_MS)
    expect(updater.downloads).toBe(1)
  })

  it('restarts at once when no call is live', async () => {
    const { controller, updater, advance } = setUp()
    updater.offer = update()
    controller.start()
    await advance(FIRST_CHECK_DELAY_MS)
    controller.restartToUpdate()
    expect(updater.installs).toBe(1)
  })

  it('never restarts during a call: the restart the agent chose waits for the call to end', async () => {
    const { controller, updater, advance, setLiveCalls } = setUp()
    updater.offer = update()
    controller.start()
    await advance(FIRST_CHECK_DELAY_MS)
    setLiveCalls(true)
    controller.restartToUpdate()
    expect(updater.installs).toBe(0)
    expect(controller.readiness()).toBe('after-call')
    await advance(30 * 60_000)
    expect(updater.installs).toBe(0)
    setLiveCalls(false)
    await advance(CALL_END_POLL_MS)
    expect(updater.installs).toBe(1)
  })

  it('ignores "Restart to update" before an update is downloaded', async () => {
    const { controller, updater, advance } = setUp()
    controller.start()
    controller.restartToUpdate()
    await advance(CHECK_INTERVAL_MS)
    expect(updater.installs).toBe(0)
  })

  it('logs a failed check or download and tries again at the next check', async () => {
    const { controller, updater, advance, logger } = setUp()
    updater.offer = update()
    updater.checkFails = true
    controller.start()
    await advance(FIRST_CHECK_DELAY_MS)
    expect(logger.lines).toContain('warn Checking for updates failed: feed unreachable')
    updater.checkFails = false
    updater.downloadFails = true
    await advance(CHECK_INTERVAL_MS)
    expect(logger.lines).toContain('warn Downloading update 0.2.0 failed: sha512 checksum mismatch')
    expect(controller.readiness()).toBe('none')
    updater.downloadFails = false
    await advance(CHECK_INTERVAL_MS)
    expect(updater.downloads).toBe(2)
    expect(controller.readiness()).toBe('ready')
  })

  it('stops checking and installing when stopped', async () => {
    const { controller, updater, advance, clock } = setUp()
    controller.start()
    controller.stop()
    await advance(2 * CHECK_INTERVAL_MS)
    expect(updater.checks).toBe(0)
    expect(clock.pending).toBe(0)
  })
})
