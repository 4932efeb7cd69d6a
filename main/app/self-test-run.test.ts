// "Test ring" from the tray: the window opens, the ringtone plays 3 s, a test
// notification shows, and each check reaches the window with its fix.
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_TEST_SETTINGS,
  FakeAutostart,
  FakeEngine,
  FakeSessions,
  FakeSettings,
  ManualClock,
  RecordingLogger,
  RecordingNotifier,
  RecordingOpener,
  RecordingRingtone,
  RecordingTray,
  RecordingWindow,
  SESSION,
  alertingPorts,
} from '../../test/support/app-fakes'
import { ok } from '../core/result'
import { CallTrayApp } from './call-tray-app'
import type { EngineSelfTestPorts } from './engine-handle'

const healthyServer: EngineSelfTestPorts = {
  serverInfo: () => Promise.resolve(ok({ version: '8.0.0' })),
  signedIn: () => Promise.resolve(ok({})),
  voice: () => Promise.resolve({ kind: 'available' }),
  realtime: () => Promise.resolve({ healthy: false, detail: 'HTTP 502' }),
  rateLimit: () =>
    Promise.resolve({
      limited: null,
      budget: { limit: 10, remaining: 2, resetAt: 0 },
      shared: true,
      sharedSpacingMs: 24_000,
    }),
}

async function setUp(ringtoneEnabled = true) {
  const sessions = new FakeSessions()
  sessions.stored = SESSION
  const parts = {
    sessions,
    settings: new FakeSettings({
      ...DEFAULT_TEST_SETTINGS,
      ringtone: { enabled: ringtoneEnabled, volume: 0.5 },
    }),
    tray: new RecordingTray(),
    notifier: new RecordingNotifier(),
    ringtone: new RecordingRingtone(),
    window: new RecordingWindow(),
    autostart: new FakeAutostart(),
    opener: new RecordingOpener(),
    clock: new ManualClock(),
    logger: new RecordingLogger(),
  }
  const app = new CallTrayApp({
    ...parts,
    ...alertingPorts(),
    startEngine: () => ({ engine: new FakeEngine(), dispose: () => {}, selfTest: healthyServer }),
    quit: () => {},
    notificationsAllowed: () => Promise.resolve({ allowed: false, detail: 'Turned off.' }),
  })
  await app.start()
  return { app, ...parts }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('Test ring', () => {
  it('rings for 3 s, shows a test notification and lists every check with its fix', async () => {
    const { app, ringtone, notifier, window } = await setUp()
    app.handleTrayAction({ type: 'test-ring' })
    expect(app.getState().selfTest).toMatchObject({ running: true })
    await settle()
    expect(window.shows).toBeGreaterThan(0)
    expect(notifier.shown.map((shown) => shown.title)).toEqual(['Test ring'])
    expect(ringtone.played.map(({ request, durationMs }) => [request.volume, durationMs])).toEqual([
      [0.5, 3000],
    ])
    const selfTest = app.getState().selfTest
    expect(selfTest?.running).toBe(false)
    expect(selfTest?.checks.map((check) => [check.id, check.ok])).toEqual([
      ['server', true],
      ['sign-in', true],
      ['voice-calls', true],
      ['realtime', false],
      ['rate-limit', false],
      ['notifications', false],
      ['ringer', true],
    ])
    expect(selfTest?.checks[4]).toMatchObject({
      detail:
        '2 of 10 checks a minute left, shared with other desks: without the live connection a call may show up to 24 s late.',
      fix: expect.stringContaining('rate limit'),
    })
    expect(window.sent.at(-1)?.selfTest).toEqual(selfTest)
  })

  it('fails the ringer check when the ringtone is off', async () => {
    const { app, ringtone } = await setUp(false)
    await app.runSelfTest()
    expect(ringtone.played).toEqual([])
    expect(app.getState().selfTest?.checks.at(-1)).toMatchObject({
      id: 'ringer',
      ok: false,
      detail: 'The ringtone is off or its volume is 0.',
    })
  })
})
