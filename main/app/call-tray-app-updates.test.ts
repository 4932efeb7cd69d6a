// The app layer's side of updates: the tray offers the restart the update prompt says is
// ready, passes the agent's choice on, and tells it whether a call is live.
import { describe, expect, it } from 'vitest'
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
  call,
} from '../../test/support/app-fakes'
import { CallTrayApp } from './call-tray-app'
import type { UpdatePrompt } from './ports'
import type { TrayMenuItem, UpdateReadiness } from './tray-menu'

class FakeUpdatePrompt implements UpdatePrompt {
  state: UpdateReadiness = 'none'
  restarts = 0
  private listeners = new Set<() => void>()
  readiness() {
    return this.state
  }
  restartToUpdate() {
    this.restarts++
  }
  onChange(listener: () => void) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  become(state: UpdateReadiness) {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}

async function setup() {
  const sessions = new FakeSessions()
  sessions.stored = SESSION
  const tray = new RecordingTray()
  const updates = new FakeUpdatePrompt()
  const engine = new FakeEngine()
  const app = new CallTrayApp({
    sessions,
    settings: new FakeSettings(DEFAULT_TEST_SETTINGS),
    tray,
    notifier: new RecordingNotifier(),
    ringtone: new RecordingRingtone(),
    ...alertingPorts(),
    window: new RecordingWindow(),
    autostart: new FakeAutostart(),
    opener: new RecordingOpener(),
    updates,
    clock: new ManualClock(),
    logger: new RecordingLogger(),
    startEngine: () => ({ engine, dispose() {} }),
    quit() {},
  })
  await app.start()
  return { app, tray, updates, engine }
}

const restartItem = (menu: TrayMenuItem[] | undefined) =>
  menu?.find((item) => item.kind === 'action' && item.action.type === 'restart-to-update')

describe('CallTrayApp with updates', () => {
  it('adds "Restart to update" to the tray menu once an update is ready', async () => {
    const { tray, updates } = await setup()
    expect(restartItem(tray.menus.at(-1))).toBeUndefined()
    updates.become('ready')
    expect(restartItem(tray.menus.at(-1))).toMatchObject({
      label: 'Restart to update',
      enabled: true,
    })
    updates.become('after-call')
    expect(restartItem(tray.menus.at(-1))).toMatchObject({
      label: 'Restarts to update when the call ends',
      enabled: false,
    })
  })

  it('passes the tray choice to the updates', async () => {
    const { app, updates } = await setup()
    updates.become('ready')
    app.handleTrayAction({ type: 'restart-to-update' })
    expect(updates.restarts).toBe(1)
  })

  it('counts ringing and active calls as live, and none once they are gone', async () => {
    const { app, engine } = await setup()
    expect(app.hasLiveCalls()).toBe(false)
    engine.emit({ type: 'calls', calls: [call()] })
    expect(app.hasLiveCalls()).toBe(true)
    engine.emit({ type: 'calls', calls: [call({ state: 'active' })] })
    expect(app.hasLiveCalls()).toBe(true)
    engine.emit({ type: 'calls', calls: [] })
    expect(app.hasLiveCalls()).toBe(false)
  })
})
