// Native notifications behind the app's Notifier port. Each notification is kept by
// key until it is closed: a Notification object that is garbage-collected loses its
// click handler (and on some platforms disappears), and closing needs the object.
import { Notification, type NotificationConstructorOptions } from 'electron'
import { describeError, type Logger } from '../app/logger'
import type { NotificationRequest, Notifier } from '../app/ports'
import { incomingCallToastXml, parseToastArguments, stripNonXmlCharacters } from './toast-xml'

export interface ElectronNotifierOptions {
  platform: NodeJS.Platform
  /** The app icon shown in the notification (Linux and Windows). */
  iconPath: string | null
  logger: Logger
  onClick(callId: string): void
  onDecline(callId: string): void
}

export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  const { logger } = options
  const open = new Map<string, Notification>()
  if (options.platform === 'win32') {
    // Toast buttons report through the activation callback, also after the toast
    // moved to the Action Center and its Notification object is gone.
    Notification.handleActivation((details) => {
      const command = parseToastArguments(details.arguments)
      if (!command) return
      if (command.action === 'decline') options.onDecline(command.callId)
      else options.onClick(command.callId)
    })
  }
  if (!Notification.isSupported()) {
    logger.warn(
      'This desktop does not support notifications: calls show only in the tray and window.',
    )
  }

  const close = (key: string) => {
    const notification = open.get(key)
    open.delete(key)
    notification?.close()
  }

  const present = (
    request: NotificationRequest,
    constructorOptions: NotificationConstructorOptions,
    { plainOnFailure }: { plainOnFailure: boolean },
  ) => {
    const notification = new Notification(constructorOptions)
    notification.on('click', () => options.onClick(request.callId))
    if (options.platform === 'darwin' && request.decline) {
      notification.on('action', (details) => {
        if (details.actionIndex === 0) options.onDecline(request.callId)
      })
    }
    notification.on('close', () => {
      if (open.get(request.key) === notification) open.delete(request.key)
    })
    notification.on('failed', (_event, error) => {
      logger.error(`A notification could not be shown: ${error}`)
      if (open.get(request.key) !== notification) return
      open.delete(request.key)
      // Windows refuses a whole toast over one thing it dislikes in the XML; the agent
      // must still learn that a call rings, so the plainest notification goes up instead.
      if (plainOnFailure) {
        logger.info('Showing it again as a plain notification.')
        present(request, plainNotificationOptions(request, options), { plainOnFailure: false })
      }
    })
    open.set(request.key, notification)
    try {
      notification.show()
    } catch (error) {
      open.delete(request.key)
      logger.error(`A notification could not be shown: ${describeError(error)}`)
    }
  }

  return {
    show(request) {
      close(request.key)
      present(request, notificationOptions(request, options), { plainOnFailure: true })
    },
    close,
    closeAll() {
      for (const key of [...open.keys()]) close(key)
    },
  }
}

export function notificationOptions(
  request: NotificationRequest,
  options: Pick<ElectronNotifierOptions, 'platform' | 'iconPath'>,
): NotificationConstructorOptions {
  const base: NotificationConstructorOptions = {
    title: request.title,
    // libnotify passes the body to the notification server as markup (Electron does not
    // escape it), so a caller named `<a href=…>` would be a link on KDE. Titles are text.
    body: options.platform === 'linux' ? escapeMarkup(request.body) : request.body,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
  }
  switch (request.kind) {
    case 'incoming-call':
      return {
        ...base,
        // The ringtone is the call's sound (and can be muted); the system's would double it.
        silent: true,
        // Linux and Windows: stays until the call is answered, declined or gone.
        urgency: 'critical',
        timeoutType: 'never',
        ...(request.decline && options.platform === 'darwin'
          ? { actions: [{ type: 'button', text: 'Decline' }], closeButtonText: 'Dismiss' }
          : {}),
        ...(request.decline && options.platform === 'win32'
          ? {
              toastXml: incomingCallToastXml({
                callId: request.callId,
                title: request.title,
                body: request.body,
              }),
            }
          : {}),
      }
    case 'missed-call':
      return { ...base, urgency: 'normal' }
    case 'outgoing-call':
      return { ...base, silent: true, urgency: 'low' }
  }
}

/** Without toast XML or buttons (Windows builds its own toast), and with text XML can carry. */
export function plainNotificationOptions(
  request: NotificationRequest,
  options: Pick<ElectronNotifierOptions, 'platform' | 'iconPath'>,
): NotificationConstructorOptions {
  return notificationOptions(
    {
      ...request,
      title: stripNonXmlCharacters(request.title),
      body: stripNonXmlCharacters(request.body),
      decline: false,
    },
    options,
  )
}

/** What the Desktop Notifications spec's body markup reads as markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
