import { describe, expect, it } from 'vitest'
import type { Settings } from '../settings/settings-types'
import {
  alertingPorts,
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
  T0,
  call,
  failedDecline,
} from '../../test/support/app-fakes'
import { CallTrayApp } from './call-tray-app'
import { incomingKey } from '../alerting/alerting'
import { PUSH_WINDOW_MS } from './coalesced-push'

function setup(
  options: { stored?: boolean; settings?: Partial<Settings>; policyUnreadable?: boolean } = {},
) {
  const sessions = new FakeSessions()
  if (options.stored) sessions.stored = SESSION
  const settings = new FakeSettings({ ...DEFAULT_TEST_SETTINGS, ...options.settings })
  const engines: FakeEngine[] = []
  const disposed: FakeEngine[] = []
  const parts = {
    sessions,
    settings,
    tray: new RecordingTray(),
    notifier: new RecordingNotifier(),
    ringtone: new RecordingRingtone(),
    ...alertingPorts(),
    window: new RecordingWindow(),
    autostart: new FakeAutostart(),
    opener: new RecordingOpener(),
    clock: new ManualClock(),
    logger: new RecordingLogger(),
  }
  let quits = 0
  const app = new CallTrayApp({
    ...parts,
    startEngine: () => {
      const engine = new FakeEngine()
      engines.push(engine)
      return { engine, dispose: () => disposed.push(engine) }
    },
    quit: () => (quits += 1),
    ...(options.policyUnreadable !== undefined && { policyUnreadable: options.policyUnreadable }),
  })
  const engine = () => {
    const last = engines.at(-1)
    if (!last) throw new Error('no engine started')
    return last
  }
  return { app, ...parts, engines, engine, disposed, quits: () => quits }
}

const incomingEvent = {
  type: 'notification',
  event: 'incoming-call',
  call: call(),
  title: 'Incoming call from Funke Olasupo',
  body: '@funke.olasupo · Answer in Rocket.Chat',
} as const

describe('CallTrayApp', () => {
  it('rings through a broken tray, window and sound: each failure is logged, the rest goes on', async () => {
    const { app, engine, tray, window, ringtone, notifier, logger } = setup({ stored: true })
    const broken = (what: string) => () => {
      throw new Error(`${what} is gone`)
    }
    tray.show = broken('the status notifier')
    window.send = broken('the page')
    ringtone.start = broken('the audio device')
    await app.start()
    engine().emit({ type: 'status', status: { state: 'online' } })
    engine().emit({ type: 'calls', calls: [call()] })
    engine().emit(incomingEvent)

    expect(notifier.shown.map((request) => request.key)).toEqual([incomingKey('call-1')])
    expect(app.getState().calls).toEqual([call()])
    const errors = logger.lines.filter((line) => line.startsWith('error '))
    expect(errors).toEqual(
      expect.arrayContaining([
        'error Updating the tray icon failed: the status notifier is gone',
        'error Updating the window failed: the page is gone',
        'error Starting the ringtone failed: the audio device is gone',
      ]),
    )
  })

  it('restores the last session and starts watching, without showing the window', async () => {
    const { app, engine, window, tray } = setup({ stored: true })
    await app.start()
    expect(engine().log).toEqual(['start'])
    expect(window.shows).toBe(0)
    expect(window.sent.at(-1)?.session).toMatchObject({
      signedIn: true,
      user: { username: 'agent1' },
    })
    expect(tray.last?.icon).toBe('idle')
  })

  it('shows the sign-in window when nothing was stored', async () => {
    const { app, window, tray, engines } = setup()
    await app.start()
    expect(engines).toHaveLength(0)
    expect(window.shows).toBe(1)
    expect(tray.last?.icon).toBe('signed-out')
  })

  it('fails closed on an unreadable policy: no restore, no sign-in, the window says why', async () => {
    const { app, window, tray, engines, sessions } = setup({ stored: true, policyUnreadable: true })
    await app.start()
    expect(engines).toHaveLength(0)
    expect(window.shows).toBe(1)
    expect(window.sent.at(-1)).toMatchObject({
      session: { signedIn: false },
      policyUnreadable: true,
    })
    expect(tray.last).toEqual({
      icon: 'signed-out',
      tooltip: 'Your administrator’s Call Tray policy could not be read',
    })
    const input = { method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' } as const
    expect(await app.signIn(input)).toEqual({
      ok: false,
      kind: 'error',
      field: null,
      message: 'Your administrator’s Call Tray policy could not be read.',
    })
    expect(sessions.signInInputs).toHaveLength(0)
    expect(engines).toHaveLength(0)
  })

  it('signs in, pushes the new state to the window, and never sends the token', async () => {
    const { app, window, sessions } = setup()
    await app.start()
    const result = await app.signIn({
      method: 'token',
      serverUrl: 'chat.example.com',
      userId: 'u',
      authToken: 't',
    })
    expect(result).toEqual({ ok: true })
    expect(sessions.signInInputs).toHaveLength(1)
    const state = window.sent.at(-1)
    expect(state?.session.signedIn).toBe(true)
    for (const sent of window.sent)
      expect(JSON.stringify(sent)).not.toContain(SESSION.credentials.authToken)
    expect(JSON.stringify(app.getState())).not.toContain(SESSION.credentials.authToken)
  })

  it('passes a failed sign-in through and stays signed out', async () => {
    const { app, sessions, engines } = setup()
    sessions.signInAnswer = {
      result: { ok: false, kind: 'error', field: 'authToken', message: 'Wrong token.' },
      session: null,
    }
    await app.start()
    expect(
      await app.signIn({ method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' }),
    ).toMatchObject({ ok: false })
    expect(engines).toHaveLength(0)
  })

  it('rings: notification, ringtone, tray and window all follow the engine', async () => {
    const { app, engine, notifier, ringtone, tray, window, clock } = setup({ stored: true })
    await app.start()
    engine().emit({ type: 'status', status: { state: 'online' } })
    engine().emit({ type: 'calls', calls: [call()] })
    engine().emit(incomingEvent)
    expect(notifier.shown.map((request) => request.title)).toEqual([
      'Incoming call from Funke Olasupo',
    ])
    expect(ringtone.ringing).toBe(true)
    expect(tray.last).toEqual({ icon: 'ringing', tooltip: 'Incoming call from Funke Olasupo' })
    expect(window.sent.at(-1)?.calls).toEqual([call()])

    engine().emit({ type: 'calls', calls: [call({ state: 'active' })] })
    engine().emit({ type: 'notification-closed', callId: 'call-1', reason: 'answered' })
    expect(notifier.closed).toEqual([incomingKey('call-1')])
    expect(ringtone.ringing).toBe(false)
    // The window and tray follow a burst of engine events once it settles.
    clock.advance(PUSH_WINDOW_MS)
    expect(tray.last?.icon).toBe('in-call')
  })

  it('keeps the in-call tooltip running once a second', async () => {
    const { app, engine, tray, clock } = setup({ stored: true })
    await app.start()
    engine().emit({ type: 'status', status: { state: 'online' } })
    engine().emit({ type: 'calls', calls: [call({ state: 'active', since: T0 })] })
    clock.advance(PUSH_WINDOW_MS + 2000)
    expect(tray.last?.tooltip).toBe('In call with Funke Olasupo · 00:02')
    engine().emit({ type: 'calls', calls: [] })
    clock.advance(5000)
    expect(clock.pending).toBe(0)
  })

  it('follows a burst of engine events with one window push, and shows one summary for a flood', async () => {
    const { app, engine, window, notifier, clock } = setup({ stored: true })
    await app.start()
    const before = window.sent.length
    for (let i = 0; i < 1000; i++) {
      engine().emit({ type: 'calls', calls: [call({ id: `call-${i}` })] })
    }
    clock.advance(PUSH_WINDOW_MS)
    expect(window.sent.length - before).toBeLessThanOrEqual(2)
    expect(window.sent.at(-1)?.calls).toEqual([call({ id: 'call-999' })])

    for (const ringing of [40, 39]) {
      engine().emit({ type: 'notification-summary', ringing, title: `${ringing} more`, body: '' })
    }
    expect([...notifier.open.values()].map((request) => request.title)).toEqual(['39 more'])
    engine().emit({ type: 'notification-summary-closed' })
    expect(notifier.open.size).toBe(0)
  })

  it('declines from the notification through the engine', async () => {
    const { app, engine, window } = setup({ stored: true })
    await app.start()
    await app.declineFromNotification('call-1')
    expect(engine().log).toContain('decline call-1')
    expect(window.shows).toBe(0)
    engine().declineAnswer = failedDecline('This call is no longer ringing.')
    await app.declineFromNotification('call-1')
    expect(window.shows).toBe(1)
    expect(await app.declineCall('call-1')).toEqual({
      ok: false,
      message: 'This call is no longer ringing.',
    })
  })

  it('pauses polling while the computer sleeps and polls at once on wake', async () => {
    const { app, engine } = setup({ stored: true })
    await app.start()
    app.suspend()
    app.wake()
    expect(engine().log).toEqual(['start', 'pause', 'resume', 'refresh'])
  })

  it('starts a new engine paused when the agent signs in during sleep', async () => {
    const { app, engine } = setup()
    await app.start()
    app.suspend()
    await app.signIn({ method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' })
    expect(engine().log).toEqual(['start', 'pause'])
  })

  it('signs out on a rejected token: forgets it, stops, and asks to sign in again', async () => {
    const { app, engine, sessions, disposed, window, tray } = setup({ stored: true })
    await app.start()
    const first = engine()
    first.emit({
      type: 'status',
      status: { state: 'unauthorized', detail: 'Signed out — sign in again.' },
    })
    await Promise.resolve()
    expect(first.log).toContain('stop')
    expect(disposed).toEqual([first])
    expect(sessions.forgotten).toBe(1)
    expect(window.shows).toBe(1)
    expect(window.sent.at(-1)).toMatchObject({
      session: { signedIn: false },
      status: { state: 'unauthorized' },
    })
    expect(tray.last?.icon).toBe('signed-out')
  })

  it('says why the agent was signed out when the session layer knows', async () => {
    const { app, sessions } = setup()
    sessions.reason = 'Your saved sign-in could not be read. Sign in again.'
    await app.start()
    expect(app.getState().status).toEqual({ state: 'unauthorized', detail: sessions.reason })
  })

  it('signs out: stops the engine, closes notifications, and ignores the old engine', async () => {
    const { app, engine, sessions, notifier, window } = setup({ stored: true })
    await app.start()
    const old = engine()
    old.emit({ type: 'calls', calls: [call()] })
    old.emit(incomingEvent)
    await app.signOut()
    expect(old.log).toContain('stop')
    expect(sessions.signedOut).toEqual([SESSION])
    expect(notifier.open.size).toBe(0)
    old.emit({ type: 'calls', calls: [call()] })
    expect(window.sent.at(-1)).toMatchObject({ session: { signedIn: false }, calls: [] })
  })

  it('pauses notifications for a while and resumes by itself', async () => {
    const { app, settings, clock, tray } = setup({ stored: true })
    await app.start()
    app.pauseNotifications(15)
    expect(settings.value.pause).toEqual({ until: T0 + 15 * 60_000 })
    expect(tray.last?.icon).toBe('paused')
    clock.advance(15 * 60_000)
    expect(settings.value.pause).toBeNull()
    expect(tray.last?.icon).toBe('idle')
  })

  it('does not notify while paused but still shows the call', async () => {
    const { app, engine, notifier, ringtone, tray, window } = setup({
      stored: true,
      settings: { pause: { until: null } },
    })
    await app.start()
    engine().emit({ type: 'calls', calls: [call()] })
    engine().emit(incomingEvent)
    expect(notifier.shown).toEqual([])
    expect(ringtone.log).toEqual([])
    expect(tray.last?.icon).toBe('ringing')
    expect(window.sent.at(-1)?.calls).toHaveLength(1)
    app.resumeNotifications()
    expect(notifier.shown).toHaveLength(1)
  })

  it('opens only the signed-in server in the browser', async () => {
    const { app, opener } = setup()
    await app.start()
    await app.openRocketChat()
    expect(opener.opened).toEqual([])
    await app.signIn({ method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' })
    await app.openRocketChat()
    expect(opener.opened).toEqual(['https://chat.example.com'])
  })

  it('follows the start-at-login setting, also when set from the tray', async () => {
    const { app, autostart, settings } = setup({ settings: { startAtLogin: true } })
    await app.start()
    await Promise.resolve()
    expect(autostart.enabled).toBe(true)
    app.handleTrayAction({ type: 'start-at-login', enabled: false })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(settings.value.startAtLogin).toBe(false)
    expect(autostart.enabled).toBe(false)
  })

  it('passes a new poll floor to the running engine', async () => {
    const { app, engine, settings } = setup({ stored: true })
    await app.start()
    settings.update({ pollFloorSeconds: 10 })
    expect(engine().log).toContain('floor 10000')
  })

  it('applies a change from the settings view to the store, the engine and the window', async () => {
    const { app, engine, settings, window } = setup({ stored: true })
    await app.start()
    expect(app.changeSettings({ pollFloorSeconds: 30 })).toEqual({ ok: true })
    expect(settings.value.pollFloorSeconds).toBe(30)
    expect(engine().log).toContain('floor 30000')
    expect(app.changeSettings({ notifyOutgoingCalls: true })).toEqual({ ok: true })
    expect(settings.value.notifyOutgoingCalls).toBe(true)
    expect(window.sent.at(-1)?.settings.values).toMatchObject({
      pollFloorSeconds: 30,
      notifyOutgoingCalls: true,
    })
  })

  it("refuses a locked setting with the store's reason and changes nothing", async () => {
    const { app, engine, settings } = setup({ stored: true })
    settings.lockedKeys.add('pollFloorSeconds')
    await app.start()
    expect(app.changeSettings({ pollFloorSeconds: 1 })).toEqual({
      ok: false,
      message: 'pollFloorSeconds is locked',
    })
    expect(settings.value.pollFloorSeconds).toBe(DEFAULT_TEST_SETTINGS.pollFloorSeconds)
    expect(engine().log).not.toContain('floor 1000')
    expect(app.getState().settings.locked).toEqual(['pollFloorSeconds'])
  })

  it('changes the ringtone volume of a ringing call at once', async () => {
    const { app, engine, ringtone } = setup({ stored: true })
    await app.start()
    engine().emit({ type: 'calls', calls: [call()] })
    expect(app.changeSettings({ ringtone: { enabled: true, volume: 0.25 } })).toEqual({ ok: true })
    expect(ringtone.log).toEqual(['start 0.8', 'stop', 'start 0.25'])
    app.changeSettings({ ringtone: { enabled: false, volume: 0.25 } })
    expect(ringtone.ringing).toBe(false)
  })

  it('keeps running when the tray fails', async () => {
    const { app, tray, logger, window } = setup({ stored: true })
    tray.show = () => {
      throw new Error('no status notifier host')
    }
    await app.start()
    expect(window.sent).toHaveLength(1)
    expect(logger.lines).toContain('error Updating the tray icon failed: no status notifier host')
  })

  it('quits from the tray and tears everything down', async () => {
    const { app, quits, engine, tray, disposed } = setup({ stored: true })
    await app.start()
    app.handleTrayAction({ type: 'quit' })
    expect(quits()).toBe(1)
    app.shutdown()
    expect(disposed).toEqual([engine()])
    expect(tray.destroyed).toBe(true)
  })
})
