// Where and how loud it rings, escalation and Do Not Disturb, with a fake clock and the
// ports recorded (the notifications themselves: alerting.test.ts).
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '../../common/i18n'
import { call } from '../../test/support/app-fakes'
import { alertingSetup as setup } from '../../test/support/alerting-setup'

const ringing = call()
const onCall = call({ id: 'call-0', state: 'active' })
const HEADSET = { deviceId: 'headset-1', label: 'Jabra Evolve2 65' }
const SPEAKERS = { deviceId: 'speakers-1', label: 'Speakers' }
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Alerting: where it rings', () => {
  it('rings on the chosen output and the second one', () => {
    const { alerts, ringtone } = setup({ ringOn: HEADSET, alsoRingOn: SPEAKERS })
    alerts.onCalls([ringing])
    expect(ringtone.requests).toEqual([
      { tone: 'ring', volume: 0.8, ringOn: HEADSET, alsoRingOn: SPEAKERS },
    ])
  })

  it('plays the soft call-waiting tone for a call during a call, unless turned off', () => {
    const waiting = setup()
    waiting.alerts.onCalls([onCall, ringing])
    expect(waiting.ringtone.log).toEqual(['waiting 0.3'])
    waiting.alerts.onCalls([{ ...onCall, state: 'active' }])
    expect(waiting.ringtone.log).toEqual(['waiting 0.3', 'stop'])
    const off = setup({ callWaitingTone: false })
    off.alerts.onCalls([onCall, ringing])
    expect(off.ringtone.log).toEqual(['start 0.8'])
  })

  it('plays nothing while paused', () => {
    const { alerts, ringtone, attention, clock } = setup({ pause: { until: null } })
    alerts.onCalls([ringing])
    clock.advance(60_000)
    expect(ringtone.log).toEqual([])
    expect(attention.log).toEqual([])
  })
})

describe('Alerting: escalation', () => {
  it('flashes, shows the window on top and rings at full volume after the delay', () => {
    const { alerts, ringtone, attention, clock } = setup()
    alerts.onCalls([ringing])
    clock.advance(9_999)
    expect(attention.log).toEqual([])
    clock.advance(1)
    expect(attention.log).toEqual(['flash', 'show on top'])
    expect(ringtone.log).toEqual(['start 0.8', 'stop', 'start 1'])
    alerts.onCalls([{ ...ringing, state: 'active' }])
    expect(attention.log).toEqual(['flash', 'show on top', 'calm'])
    expect(ringtone.ringing).toBe(false)
  })

  it('does nothing when the call is answered before the delay', () => {
    const { alerts, attention, ringtone, clock } = setup()
    alerts.onCalls([ringing])
    clock.advance(5_000)
    alerts.onCalls([{ ...ringing, state: 'active' }])
    clock.advance(60_000)
    expect(attention.log).toEqual([])
    expect(ringtone.log).toEqual(['start 0.8', 'stop'])
  })

  it('takes only the steps and the delay the settings give', () => {
    const { alerts, attention, ringtone, clock } = setup({
      escalation: { afterSeconds: 30, flashTaskbar: true, showWindow: false, fullVolume: false },
    })
    alerts.onCalls([ringing])
    clock.advance(29_000)
    expect(attention.log).toEqual([])
    clock.advance(1_000)
    expect(attention.log).toEqual(['flash'])
    expect(ringtone.log).toEqual(['start 0.8'])
  })
})

describe('Alerting: Do Not Disturb', () => {
  it('breaks through by default: rings and shows the window at once', async () => {
    const { alerts, dnd, ringtone, attention } = setup()
    dnd.reading = { doNotDisturb: true, notificationsBlocked: false }
    alerts.onCalls([ringing])
    await flush()
    expect(dnd.reads).toBe(1)
    expect(ringtone.ringing).toBe(true)
    expect(attention.log).toEqual(['show on top'])
  })

  it('keeps quiet under Do Not Disturb when calls may not break through', async () => {
    const { alerts, dnd, ringtone, attention, clock } = setup({ breakThroughDnd: false })
    dnd.reading = { doNotDisturb: true, notificationsBlocked: false }
    await alerts.checkDnd()
    alerts.onCalls([ringing])
    await flush()
    clock.advance(60_000)
    expect(ringtone.log).toEqual([])
    expect(attention.log).toEqual([])
  })

  it('tells when the OS blocks the notifications', async () => {
    const { alerts, dnd } = setup()
    dnd.reading = { doNotDisturb: false, notificationsBlocked: true }
    await alerts.checkDnd()
    expect(alerts.dndReading().notificationsBlocked).toBe(true)
  })
})

describe('Alerting: the self-test', () => {
  it('rings on the chosen outputs and says where', async () => {
    const { alerts, ringtone } = setup({ ringOn: HEADSET, alsoRingOn: SPEAKERS })
    expect(await alerts.testRing(2_000)).toEqual({
      ok: true,
      detail: 'The test rang on “Jabra Evolve2 65” and “Speakers”.',
    })
    expect(ringtone.played).toEqual([
      {
        request: { tone: 'ring', volume: 0.8, ringOn: HEADSET, alsoRingOn: SPEAKERS },
        durationMs: 2_000,
      },
    ])
  })

  it('fails when the chosen output is missing or the page never played', async () => {
    const missing = setup({ ringOn: HEADSET })
    missing.ringtone.report = { chosenPresent: false, fellBack: true, sinks: [''] }
    expect(await missing.alerts.testRing(1_000)).toEqual({
      ok: false,
      detail: '“Jabra Evolve2 65” is not connected: the test rang on the system default output.',
    })
    const silent = setup()
    silent.ringtone.report = null
    expect(await silent.alerts.testRing(1_000)).toMatchObject({ ok: false })
  })

  it('does not test over a ringing call', async () => {
    const { alerts, ringtone } = setup()
    alerts.onCalls([ringing])
    expect(await alerts.testRing(1_000)).toMatchObject({ ok: false })
    expect(ringtone.played).toEqual([])
  })

  it('reports whether the ringer output is connected, matching a changed id by name', async () => {
    const { alerts, ringtone } = setup({ ringOn: { deviceId: 'old-id', label: HEADSET.label } })
    ringtone.outputs = [HEADSET]
    expect(await alerts.ringerDeviceStatus()).toEqual({
      present: true,
      detail: 'Calls ring on “Jabra Evolve2 65”.',
    })
    ringtone.outputs = [SPEAKERS]
    expect(await alerts.ringerDeviceStatus()).toMatchObject({ present: false })
    ringtone.outputs = []
    expect(await alerts.ringerDeviceStatus()).toEqual({
      present: false,
      detail: 'No audio output was found.',
    })
  })
})

describe('Alerting: the self-test in the agent’s language', () => {
  afterEach(() => setLocale('en'))

  it('says where the test rang in German, with German quotation marks', async () => {
    setLocale('de')
    const { alerts } = setup({ alsoRingOn: SPEAKERS })
    expect(await alerts.testRing(1_000)).toEqual({
      ok: true,
      detail: 'Der Test klingelte auf der Standardausgabe des Systems und auf „Speakers“.',
    })
  })

  it('says in French that a ringing call already plays the ringtone', async () => {
    setLocale('fr')
    const { alerts } = setup()
    alerts.onCalls([ringing])
    expect(await alerts.testRing(1_000)).toEqual({
      ok: false,
      detail: 'Un appel sonne : la sonnerie joue déjà.',
    })
  })
})
