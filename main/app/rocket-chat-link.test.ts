import { describe, expect, it } from 'vitest'
import { call } from '../../test/support/app-fakes'
import { browserLink, desktopAppLink } from './rocket-chat-link'

const BASE = 'https://chat.example.com/'

describe('Rocket.Chat links', () => {
  it('open the direct messages with the caller, in the desktop app or the browser', () => {
    expect(desktopAppLink(BASE, call())).toBe(
      'rocketchat://room?host=chat.example.com&path=direct%2Ffunke.olasupo',
    )
    expect(browserLink(BASE, call())).toBe('https://chat.example.com/direct/funke.olasupo')
    expect(browserLink('https://chat.example.com/chat', call())).toBe(
      'https://chat.example.com/chat/direct/funke.olasupo',
    )
  })

  it('open only the server for a SIP caller or no call', () => {
    const sip = call({
      peer: { ...call().peer, kind: 'sip', username: null, sipExtension: '2001' },
    })
    expect(desktopAppLink(BASE, sip)).toBe('rocketchat://room?host=chat.example.com')
    expect(browserLink(BASE, null)).toBe(BASE)
  })

  it('never puts a username the desktop app would refuse into a path', () => {
    const odd = call({ peer: { ...call().peer, username: '../admin' } })
    expect(desktopAppLink(BASE, odd)).toBe('rocketchat://room?host=chat.example.com')
  })
})
