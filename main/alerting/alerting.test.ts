import { describe, expect, it } from 'vitest'
import { call, T0 } from '../../test/support/app-fakes'
import { alertingSetup as setup } from '../../test/support/alerting-setup'
import { incomingKey, missedKey, outgoingKey } from './alerting'

const ringing = call()
const incoming = {
  type: 'notification',
  event: 'incoming-call',
  call: ringing,
  title: 'Incoming call from Funke Olasupo',
  body: '@funke.olasupo · Answer in Rocket.Chat',
} as const

describe('Alerting: notifications and the ringtone', () => {
  it('shows one notification per incoming call, with Decline, and closes it when the engine says', () => {
    const { alerts, notifier } = setup()
    alerts.onCalls([ringing])
    alerts.onNotificationEvent(incoming)
    expect(notifier.shown).toEqual([
      {
        key: incomingKey('call-1'),
        kind: 'incoming-call',
        callId: 'call-1',
        title: incoming.title,
        body: incoming.body,
        decline: true,
      },
    ])
    alerts.onNotificationEvent({
      type: 'notification-closed',
      callId: 'call-1',
      reason: 'answered',
    })
    expect(notifier.closed).toEqual([incomingKey('call-1')])
  })

  it('rings while an incoming call rings and stops when it stops', () => {
    const { alerts, ringtone } = setup()
    alerts.onCalls([ringing])
    alerts.onCalls([ringing])
    expect(ringtone.log).toEqual(['start 0.8'])
    alerts.onCalls([{ ...ringing, state: 'active' }])
    expect(ringtone.log).toEqual(['start 0.8', 'stop'])
  })

  it('shows missed calls without a Decline action', () => {
    const { alerts, notifier } = setup()
    alerts.onNotificationEvent({
      ...incoming,
      event: 'missed-call',
      title: 'Missed call from Funke Olasupo',
    })
    expect(notifier.shown[0]).toMatchObject({
      key: missedKey('call-1'),
      kind: 'missed-call',
      decline: false,
    })
  })

  it('neither pops up nor sounds while paused, and shows a still-ringing call when the pause ends', () => {
    const { alerts, notifier, ringtone, change } = setup({ pause: { until: null } })
    alerts.onCalls([ringing])
    alerts.onNotificationEvent(incoming)
    alerts.onNotificationEvent({ ...incoming, event: 'missed-call', call: call({ id: 'old' }) })
    expect(notifier.shown).toEqual([])
    expect(ringtone.log).toEqual([])
    change({ pause: null })
    expect(notifier.shown.map((request) => request.key)).toEqual([incomingKey('call-1')])
    expect(ringtone.log).toEqual(['start 0.8'])
  })

  it('forgets a held notification once its call stopped ringing', () => {
    const { alerts, notifier, change } = setup({ pause: { until: null } })
    alerts.onCalls([ringing])
    alerts.onNotificationEvent(incoming)
    alerts.onNotificationEvent({
      type: 'notification-closed',
      callId: 'call-1',
      reason: 'declined',
    })
    change({ pause: null })
    expect(notifier.shown).toEqual([])
  })

  it('stops ringing as soon as a pause starts or the ringtone is muted', () => {
    const paused = setup()
    paused.alerts.onCalls([ringing])
    paused.change({ pause: { until: T0 + 60_000 } })
    expect(paused.ringtone.log).toEqual(['start 0.8', 'stop'])
    const muted = setup()
    muted.alerts.onCalls([ringing])
    muted.change({ ringtone: { enabled: false, volume: 0.8 } })
    expect(muted.ringtone.log).toEqual(['start 0.8', 'stop'])
  })

  it('rings at a new volume at once, and stays quiet at volume 0', () => {
    const { alerts, ringtone, change } = setup()
    alerts.onCalls([ringing])
    change({ ringtone: { enabled: true, volume: 0.3 } })
    change({ ringtone: { enabled: true, volume: 0.3 } })
    expect(ringtone.log).toEqual(['start 0.8', 'stop', 'start 0.3'])
    change({ ringtone: { enabled: true, volume: 0 } })
    expect(ringtone.log).toEqual(['start 0.8', 'stop', 'start 0.3', 'stop'])
  })

  it('announces outgoing calls only with notifyOutgoingCalls, and closes them once answered', () => {
    const outgoing = call({ id: 'out-1', direction: 'outgoing' })
    const off = setup()
    off.alerts.onCalls([outgoing])
    expect(off.notifier.shown).toEqual([])
    const on = setup({ notifyOutgoingCalls: true })
    on.alerts.onCalls([outgoing])
    on.alerts.onCalls([outgoing])
    expect(on.notifier.shown).toEqual([
      {
        key: outgoingKey('out-1'),
        kind: 'outgoing-call',
        callId: 'out-1',
        title: 'Calling Funke Olasupo',
        body: 'Outgoing call from Rocket.Chat',
        decline: false,
      },
    ])
    on.alerts.onCalls([{ ...outgoing, state: 'active' }])
    expect(on.notifier.closed).toEqual([outgoingKey('out-1')])
    expect(on.ringtone.log).toEqual([])
  })

  it('keeps going when the notifier or the ringtone throws', () => {
    const { alerts, notifier, ringtone, logger } = setup()
    notifier.show = () => {
      throw new Error('no notification daemon')
    }
    ringtone.start = () => {
      throw new Error('no audio')
    }
    alerts.onCalls([ringing])
    alerts.onNotificationEvent(incoming)
    expect(logger.lines).toEqual([
      'error Starting the ringtone failed: no audio',
      `info notification: incoming-call for call ${ringing.id}`,
      'error Notification show failed: no notification daemon',
    ])
  })

  it('clears everything on sign-out', () => {
    const { alerts, notifier, ringtone } = setup()
    alerts.onCalls([ringing])
    alerts.onNotificationEvent(incoming)
    alerts.clear()
    expect(notifier.open.size).toBe(0)
    expect(ringtone.ringing).toBe(false)
  })
})
