import { describe, expect, it } from 'vitest'
import { escapeControlCharacters, safeLogText } from './log-text'

describe('escapeControlCharacters', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['a\tb', 'a\\tb'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['a\u0000b\u007f', 'a\\u0000b\\u007f'],
    ['next\u0085line', 'next\\u0085line'],
    ['line\u2028sep\u2029para', 'line\\u2028sep\\u2029para'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeControlCharacters(raw)).toBe(escaped)
  })

  it('leaves printable text, Windows paths and names alone', () => {
    const line = 'Settings file C:\\Users\\agent\\settings.json kept · Funke Olasupo “Ölçü” 📞'
    expect(escapeControlCharacters(line)).toBe(line)
  })
})

describe('safeLogText', () => {
  it('redacts a secret on a line of its own and keeps the result on one line', () => {
    expect(safeLogText('failed\nX-Auth-Token: kH3sdDk2-_aa')).toBe(
      'failed\\nX-Auth-Token: [redacted]',
    )
  })
})
