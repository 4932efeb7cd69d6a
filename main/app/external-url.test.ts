import { describe, expect, it } from 'vitest'
import {
  isAllowedDesktopAppLink,
  isAllowedExternalUrl,
  isNotificationSettingsUrl,
} from './external-url'

describe('isAllowedExternalUrl', () => {
  const server = 'https://chat.example.com/chat'
  it('allows the signed-in server over https', () => {
    expect(isAllowedExternalUrl('https://chat.example.com/chat', server)).toBe(true)
    expect(isAllowedExternalUrl('https://chat.example.com/chat/direct/funke', server)).toBe(true)
  })

  it('allows http only on this machine', () => {
    expect(isAllowedExternalUrl('http://127.0.0.1:3000/', 'http://127.0.0.1:3000')).toBe(true)
    expect(isAllowedExternalUrl('http://chat.example.com/', 'http://chat.example.com')).toBe(false)
  })

  it('refuses other origins, schemes, credentials in the URL, and no session', () => {
    expect(isAllowedExternalUrl('https://evil.example.com/', server)).toBe(false)
    expect(isAllowedExternalUrl('https://chat.example.com:8443/', server)).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd', server)).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)', server)).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@chat.example.com/', server)).toBe(false)
    expect(isAllowedExternalUrl('not a url', server)).toBe(false)
    expect(isAllowedExternalUrl('https://chat.example.com/', null)).toBe(false)
  })
})

describe('isNotificationSettingsUrl', () => {
  it('allows exactly the Windows and macOS notification settings pages', () => {
    expect(isNotificationSettingsUrl('ms-settings:notifications')).toBe(true)
    expect(
      isNotificationSettingsUrl('x-apple.systempreferences:com.apple.preference.notifications'),
    ).toBe(true)
    expect(isNotificationSettingsUrl('ms-settings:windowsupdate')).toBe(false)
    expect(isNotificationSettingsUrl('ms-settings:notifications?x=1')).toBe(false)
  })
})

describe('isAllowedDesktopAppLink', () => {
  const server = 'https://chat.example.com'
  it('allows a room link for the signed-in server', () => {
    expect(isAllowedDesktopAppLink('rocketchat://room?host=chat.example.com', server)).toBe(true)
    expect(
      isAllowedDesktopAppLink(
        'rocketchat://room?host=chat.example.com&path=direct%2Ffunke',
        server,
      ),
    ).toBe(true)
  })

  it('refuses other hosts, actions, paths, extra parameters and no session', () => {
    expect(isAllowedDesktopAppLink('rocketchat://room?host=evil.example.com', server)).toBe(false)
    expect(isAllowedDesktopAppLink('rocketchat://auth?host=chat.example.com', server)).toBe(false)
    expect(
      isAllowedDesktopAppLink('rocketchat://room?host=chat.example.com&path=channel%2Fx', server),
    ).toBe(false)
    expect(isAllowedDesktopAppLink('rocketchat://room?host=chat.example.com&token=t', server)).toBe(
      false,
    )
    expect(isAllowedDesktopAppLink('rocketchat://room?host=chat.example.com', null)).toBe(false)
  })
})
