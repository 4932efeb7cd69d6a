// Test support: the alerting module with every port recorded and a manual clock.
import { Alerting } from '../../main/alerting/alerting'
import type { Settings } from '../../main/settings/settings-types'
import {
  DEFAULT_TEST_SETTINGS,
  FakeDnd,
  ManualClock,
  RecordingAttention,
  RecordingLogger,
  RecordingNotifier,
  RecordingRingtone,
  T0,
} from './app-fakes'

export function alertingSetup(overrides: Partial<Settings> = {}) {
  const notifier = new RecordingNotifier()
  const ringtone = new RecordingRingtone()
  const attention = new RecordingAttention()
  const dnd = new FakeDnd()
  const logger = new RecordingLogger()
  const clock = new ManualClock(T0)
  let settings: Settings = { ...DEFAULT_TEST_SETTINGS, ...overrides }
  const alerts = new Alerting({
    notifier,
    ringtone,
    attention,
    dnd,
    logger,
    clock,
    settings: () => settings,
  })
  const change = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch }
    alerts.refresh()
  }
  return { alerts, notifier, ringtone, attention, dnd, clock, logger, change }
}
