import { describe, expect, it } from 'vitest'
import { isTrustedSender } from './sender-check'

const ours = {}
const expected = {
  webContents: ours,
  isOurPage: (url: string) => url === 'file:///app/out/renderer/index.html',
}
const frame = (url: string, parent: unknown = null) => ({ url, parent })

describe('isTrustedSender', () => {
  it('trusts our window top frame showing our page', () => {
    expect(
      isTrustedSender(
        { sender: ours, senderFrame: frame('file:///app/out/renderer/index.html') },
        expected,
      ),
    ).toBe(true)
  })

  it('refuses other WebContents, subframes, other pages and gone frames', () => {
    expect(
      isTrustedSender(
        { sender: {}, senderFrame: frame('file:///app/out/renderer/index.html') },
        expected,
      ),
    ).toBe(false)
    expect(
      isTrustedSender(
        { sender: ours, senderFrame: frame('file:///app/out/renderer/index.html', {}) },
        expected,
      ),
    ).toBe(false)
    expect(
      isTrustedSender({ sender: ours, senderFrame: frame('https://evil.example.com/') }, expected),
    ).toBe(false)
    expect(isTrustedSender({ sender: ours, senderFrame: null }, expected)).toBe(false)
    expect(
      isTrustedSender(
        { sender: ours, senderFrame: frame('file:///app/out/renderer/index.html') },
        { ...expected, webContents: null },
      ),
    ).toBe(false)
  })
})
