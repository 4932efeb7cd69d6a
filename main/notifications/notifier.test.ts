import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActivationArguments, NotificationConstructorOptions } from 'electron'
import type { NotificationRequest } from '../app/ports'
import { RecordingLogger } from '../../test/support/app-fakes'

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const created: FakeNotification[] = []
  const activation: { handler: ((details: ActivationArguments) => void) | null } = { handler: null }
  class FakeNotification extends EventEmitter {
    static isSupported = () => true
    static handleActivation = (handler: (details: ActivationArguments) => void) => {
      activation.handler = handler
    }
    shown = 0
    closed = 0
    constructor(readonly options: NotificationConstructorOptions) {
      super()
      created.push(this)
    }
    show() {
      this.shown += 1
    }
    close() {
      this.closed += 1
    }
  }
  return { created, activation, FakeNotification }
})

vi.mock('electron', () => ({ Notification: electron.FakeNotification }))

const { createElectronNotifier } = await import('./notifier')

const incoming: NotificationRequest = {
  key: 'call:c1',
  kind: 'incoming-call',
  callId: 'c1',
  title: 'Incoming call from Funke Olasupo',
  body: '@funke.olasupo · Answer in Rocket.Chat',
  decline: true,
}

function setup(platform: NodeJS.Platform) {
  const clicks: string[] = []
  const declines: string[] = []
  const logger = new RecordingLogger()
  const notifier = createElectronNotifier({
    platform,
    iconPath: '/assets/icon.png',
    logger,
    onClick: (id) => clicks.push(id),
    onDecline: (id) => declines.push(id),
  })
  return { notifier, clicks, declines, logger }
}

const last = () => {
  const notification = electron.created.at(-1)
  if (!notification) throw new Error('no notification')
  return notification
}

beforeEach(() => {
  electron.created.length = 0
  electron.activation.handler = null
})

describe('createElectronNotifier', () => {
  it('shows an incoming call on Linux as critical and never timing out, silent under the ringtone', () => {
    const { notifier } = setup('linux')
    notifier.show(incoming)
    expect(last().options).toEqual({
      title: incoming.title,
      body: incoming.body,
      icon: '/assets/icon.png',
      silent: true,
      urgency: 'critical',
      timeoutType: 'never',
    })
    expect(last().shown).toBe(1)
  })

  it('closes the notification of a call by its key, once', () => {
    const { notifier } = setup('linux')
    notifier.show(incoming)
    notifier.close('call:c1')
    notifier.close('call:c1')
    expect(last().closed).toBe(1)
  })

  it('shows the window on a click', () => {
    const { notifier, clicks } = setup('linux')
    notifier.show(incoming)
    last().emit('click', {})
    expect(clicks).toEqual(['c1'])
  })

  it('offers Decline as a notification action on macOS', () => {
    const { notifier, declines } = setup('darwin')
    notifier.show(incoming)
    expect(last().options.actions).toEqual([{ type: 'button', text: 'Decline' }])
    last().emit('action', { actionIndex: 0, selectionIndex: -1 }, 0, -1)
    expect(declines).toEqual(['c1'])
  })

  it('writes a toast with a Decline button on Windows, answered through activation', () => {
    const { notifier, declines, clicks } = setup('win32')
    notifier.show(incoming)
    expect(last().options.toastXml).toContain('content="Decline"')
    electron.activation.handler?.({
      type: 'action',
      arguments: 'call-tray=decline&callId=c1',
      actionIndex: 1,
    })
    electron.activation.handler?.({ type: 'click', arguments: 'call-tray=show&callId=c1' })
    electron.activation.handler?.({ type: 'click', arguments: 'something-else' })
    expect(declines).toEqual(['c1'])
    expect(clicks).toEqual(['c1'])
  })

  it('shows missed calls as normal notifications without actions', () => {
    const { notifier } = setup('darwin')
    notifier.show({ ...incoming, key: 'missed:c1', kind: 'missed-call', decline: false })
    expect(last().options).toEqual({
      title: incoming.title,
      body: incoming.body,
      icon: '/assets/icon.png',
      urgency: 'normal',
    })
  })

  it('replaces a notification shown again under the same key', () => {
    const { notifier } = setup('linux')
    notifier.show(incoming)
    const first = last()
    notifier.show(incoming)
    expect(first.closed).toBe(1)
    expect(electron.created).toHaveLength(2)
  })

  it('forgets a notification the user dismissed, and closes all that remain', () => {
    const { notifier } = setup('linux')
    notifier.show(incoming)
    const dismissed = last()
    dismissed.emit('close', {})
    notifier.show({ ...incoming, key: 'missed:c2', callId: 'c2', kind: 'missed-call' })
    notifier.closeAll()
    expect(dismissed.closed).toBe(0)
    expect(last().closed).toBe(1)
  })

  it('logs a notification that fails to show, and shows it plainly instead', () => {
    const { notifier, logger, declines, clicks } = setup('win32')
    const hostile = { ...incoming, title: 'Incoming call from Funke\uffff', body: 'Answer\ud800' }
    notifier.show(hostile)
    const toast = last()
    toast.emit('failed', {}, 'The XML is invalid')

    const plain = last()
    expect(plain).not.toBe(toast)
    expect(plain.options).toEqual({
      title: 'Incoming call from Funke',
      body: 'Answer',
      icon: '/assets/icon.png',
      silent: true,
      urgency: 'critical',
      timeoutType: 'never',
    })
    expect(plain.shown).toBe(1)
    expect(logger.lines).toEqual([
      'error A notification could not be shown: The XML is invalid',
      'info Showing it again as a plain notification.',
    ])
    plain.emit('click', {})
    expect(clicks).toEqual(['c1'])
    expect(declines).toEqual([])

    notifier.close('call:c1')
    expect(plain.closed).toBe(1)
  })

  it('gives up after the plain notification fails too', () => {
    const { notifier, logger } = setup('linux')
    notifier.show(incoming)
    last().emit('failed', {}, 'no daemon')
    last().emit('failed', {}, 'no daemon')
    expect(electron.created).toHaveLength(2)
    expect(logger.lines).toEqual([
      'error A notification could not be shown: no daemon',
      'info Showing it again as a plain notification.',
      'error A notification could not be shown: no daemon',
    ])
  })

  it('does not bring back a notification closed before it failed', () => {
    const { notifier } = setup('win32')
    notifier.show(incoming)
    notifier.close('call:c1')
    last().emit('failed', {}, 'late')
    expect(electron.created).toHaveLength(1)
  })

  it('escapes the body as markup on Linux only (libnotify reads it as markup)', () => {
    const body = '<a href="https://evil.example/">Answer</a> & more'
    const request = { ...incoming, title: 'Incoming call from <b>x</b>', body }
    setup('linux').notifier.show(request)
    expect(last().options).toMatchObject({
      title: 'Incoming call from <b>x</b>',
      body: '&lt;a href="https://evil.example/"&gt;Answer&lt;/a&gt; &amp; more',
    })
    setup('darwin').notifier.show(request)
    expect(last().options.body).toBe(body)
  })
})
