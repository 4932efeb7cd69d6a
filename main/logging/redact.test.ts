import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact'

describe('redactSecrets', () => {
  it.each([
    ['X-Auth-Token: kH3sdDk2-_aa', 'kH3sdDk2-_aa'],
    ['{"authToken":"abc123secret","userId":"u1"}', 'abc123secret'],
    ['password=hunter2&user=agent1', 'hunter2'],
    ["resume: 'tok-987'", 'tok-987'],
    ['2FA code: 246810', '246810'],
    ['Authorization: Bearer eyJhbGciOi.payload.sig', 'eyJhbGciOi.payload.sig'],
    ['login failed for 9Kq2ZcW0bX1nY3mL5pR7tV9xA2cE4gI6kM8oQ0sU2wY', '9Kq2ZcW0bX1nY'],
  ])('hides the secret in %j', (line, secret) => {
    const redacted = redactSecrets(line)
    expect(redacted).not.toContain(secret)
    expect(redacted).toContain('[redacted]')
  })

  it('leaves ordinary diagnostics alone', () => {
    const line =
      'status: offline (HTTP 502 from chat.example.com), call 3f0c1a52-8d1e-4a57-9a43-1c2b3d4e5f60 rang'
    expect(redactSecrets(line)).toBe(line)
  })
})
