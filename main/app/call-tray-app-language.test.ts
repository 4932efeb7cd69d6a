// The Language setting: it wins over the system's languages unless it is 'system',
// and a change reaches the tray and the window's next state at once.
import { afterEach, describe, expect, it } from 'vitest'
import { currentLocale, setLocale } from '../../common/i18n'
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
} from '../../test/support/app-fakes'
import { CallTrayApp } from './call-tray-app'

function setup(language: Settings['language'], systemLanguages: readonly string[]) {
  const settings = new FakeSettings({ ...DEFAULT_TEST_SETTINGS, language })
  const tray = new RecordingTray()
  const window = new RecordingWindow()
  const app = new CallTrayApp({
    sessions: new FakeSessions(),
    settings,
    tray,
    notifier: new RecordingNotifier(),
    ringtone: new RecordingRingtone(),
    ...alertingPorts(),
    window,
    autostart: new FakeAutostart(),
    opener: new RecordingOpener(),
    clock: new ManualClock(),
    logger: new RecordingLogger(),
    startEngine: () => ({ engine: new FakeEngine(), dispose: () => {} }),
    quit: () => {},
    systemLanguages: () => systemLanguages,
  })
  return { app, settings, tray, window }
}

const menuLabels = (tray: RecordingTray) =>
  (tray.menus.at(-1) ?? []).flatMap((item) => ('label' in item && item.label ? [item.label] : []))

describe('CallTrayApp: the Language setting', () => {
  afterEach(() => setLocale('en'))

  it("follows the system's languages while it is 'system'", async () => {
    const { app, window } = setup('system', ['fr-CA', 'en-US'])
    await app.start()
    expect(currentLocale()).toBe('fr')
    expect(window.sent.at(-1)?.locale).toBe('fr')
  })

  it('wins over the system when it names a language', async () => {
    const { app, window, tray } = setup('de', ['fr-FR'])
    await app.start()
    expect(window.sent.at(-1)?.locale).toBe('de')
    expect(menuLabels(tray)).toContain('Call Tray beenden')
  })

  it('applies a change at once: the window gets the locale, the tray menu is reworded', async () => {
    const { app, window, tray } = setup('system', ['en-GB'])
    await app.start()
    expect(menuLabels(tray)).toContain('Quit Call Tray')
    expect(app.changeSettings({ language: 'pt-BR' })).toEqual({ ok: true })
    expect(window.sent.at(-1)?.locale).toBe('pt-BR')
    expect(window.sent.at(-1)?.settings.values.language).toBe('pt-BR')
    expect(menuLabels(tray)).toContain('Fechar o Call Tray')
    app.changeSettings({ language: 'system' })
    expect(window.sent.at(-1)?.locale).toBe('en')
  })
})
