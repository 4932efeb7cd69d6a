import { describe, expect, it } from 'vitest'
import { RecordingLogger, RecordingNotifier, T0 } from '../../test/support/app-fakes'
import type { Settings } from '../settings/settings-types'
import { SUMMARY_KEY, SummaryAlert } from './summary-alert'

function setup(pause: Settings['pause'] = null) {
  const notifier = new RecordingNotifier()
  const settings: Pick<Settings, 'pause'> = { pause }
  const alert = new SummaryAlert({
    notifier,
    logger: new RecordingLogger(),
    now: () => T0,
    settings: () => settings,
  })
  return { notifier, alert, settings }
}

const summary = (ringing: number) =>
  ({
    type: 'notification-summary',
    ringing,
    title: `${ringing} more calls ringing`,
    body: 'b',
  }) as const

describe('summary alert', () => {
  it('keeps one notification, replaced as the count changes, and withdraws it', () => {
    const { notifier, alert } = setup()
    alert.onEvent(summary(12))
    alert.onEvent(summary(11))
    expect(notifier.shown.map((request) => [request.key, request.title])).toEqual([
      [SUMMARY_KEY, '12 more calls ringing'],
      [SUMMARY_KEY, '11 more calls ringing'],
    ])
    expect(notifier.open.size).toBe(1)
    expect(notifier.shown.every((request) => !request.decline)).toBe(true)
    alert.onEvent({ type: 'notification-summary-closed' })
    expect(notifier.open.size).toBe(0)
  })

  it('holds the summary while notifications are paused and shows it when the pause ends', () => {
    const { notifier, alert, settings } = setup({ until: T0 + 60_000 })
    alert.onEvent(summary(5))
    expect(notifier.shown).toEqual([])
    settings.pause = null
    alert.refresh()
    expect(notifier.shown.map((request) => request.title)).toEqual(['5 more calls ringing'])
  })
})
