import { describe, expect, it } from 'vitest'
import { isAllowedExternalUrl } from './external-url'

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
