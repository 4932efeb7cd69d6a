// What "Test ring" can tell of the platform's notifications. Electron only says whether
// the system supports them at all; a per-app switch or Focus Assist cannot be read here
// (the alerting module on branch `ring` adds do-not-disturb detection).
import { Notification } from 'electron'
import type { NotificationReading } from '../core/self-test'

export function notificationSupport(): Promise<NotificationReading> {
  return Promise.resolve(
    Notification.isSupported()
      ? {
          allowed: null,
          detail: 'The system accepts notifications; a test notification is showing now.',
        }
      : { allowed: false, detail: 'This system does not show notifications.' },
  )
}
