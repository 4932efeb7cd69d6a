import { describe, expect, it } from 'vitest'
import { parseServerUrl } from './server-url'

describe('parseServerUrl', () => {
  it.each([
    ['chat.example.com', 'https://chat.example.com'],
    ['https://chat.example.com/', 'https://chat.example.com'],
    ['  https://chat.example.com  ', 'https://chat.example.com'],
    ['https://example.com/chat', 'https://example.com/chat'],
    ['https://example.com/chat/', 'https://example.com/chat'],
    ['chat.example.com:8443/rc', 'https://chat.example.com:8443/rc'],
    ['https://chat.example.com/home', 'https://chat.example.com'],
    ['https://chat.example.com/api/v1/', 'https://chat.example.com'],
    ['HTTPS://Chat.Example.com', 'https://chat.example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://127.0.0.1:3000/chat', 'http://127.0.0.1:3000/chat'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
  ])('accepts %s as %s', (input, base) => {
    const parsed = parseServerUrl(input)
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ base }) })
  })

  it('refuses plain http to another machine, saying why', () => {
    const parsed = parseServerUrl('http://chat.example.com')
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(/unencrypted/)
  })

  it.each([
    ['', /Enter the address/],
    ['ftp://chat.example.com', /Only https/],
    ['https://user:pw@chat.example.com', /user name and password/],
    ['https://chat.example.com/?x=1', /cannot contain/],
    ['https://exa mple.com', /not a server address/],
    ['http://localhost.evil.com', /unencrypted/],
  ])('refuses %j', (input, message) => {
    const parsed = parseServerUrl(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error).toMatch(message)
  })
})
