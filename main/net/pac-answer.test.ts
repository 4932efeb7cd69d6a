// What Chromium's resolveProxy can answer, and the route the realtime socket takes for it.
import { describe, expect, it } from 'vitest'
import { chooseProxy } from './pac-answer'

describe('chooseProxy', () => {
  it.each([
    ['DIRECT', { kind: 'direct' }],
    ['direct', { kind: 'direct' }],
    ['', { kind: 'direct' }],
    [' ; ', { kind: 'direct' }],
    ['PROXY proxy.corp:8080', { kind: 'proxy', url: 'http://proxy.corp:8080' }],
    ['PROXY proxy.corp:8080; DIRECT', { kind: 'proxy', url: 'http://proxy.corp:8080' }],
    ['DIRECT; PROXY proxy.corp:8080', { kind: 'direct' }],
    ['  proxy   proxy.corp:3128  ;DIRECT', { kind: 'proxy', url: 'http://proxy.corp:3128' }],
    ['HTTPS secure.corp:443', { kind: 'proxy', url: 'https://secure.corp' }],
    ['HTTPS secure.corp:8443', { kind: 'proxy', url: 'https://secure.corp:8443' }],
    ['PROXY proxy.corp', { kind: 'proxy', url: 'http://proxy.corp' }],
    ['PROXY [2001:db8::1]:8080', { kind: 'proxy', url: 'http://[2001:db8::1]:8080' }],
    ['PROXY 10.0.0.1:80', { kind: 'proxy', url: 'http://10.0.0.1' }],
  ])('%j → %j', (answer, expected) => {
    expect(chooseProxy(answer)).toEqual(expected)
  })

  it('passes over SOCKS and QUIC entries for the next usable one', () => {
    expect(chooseProxy('SOCKS5 socks.corp:1080; PROXY proxy.corp:8080')).toEqual({
      kind: 'proxy',
      url: 'http://proxy.corp:8080',
    })
    expect(chooseProxy('SOCKS socks.corp:1080; SOCKS4 s:1; QUIC q.corp:443; DIRECT')).toEqual({
      kind: 'direct',
    })
  })

  it('passes over malformed entries rather than guessing', () => {
    for (const answer of [
      'PROXY',
      'PROXY user:pass@proxy.corp:8080',
      'PROXY proxy.corp:8080/path',
      'PROXY proxy.corp:99999',
      'PROXY a b',
      'DIRECT proxy.corp:8080',
      'TUNNEL proxy.corp:8080',
    ]) {
      expect(chooseProxy(`${answer}; PROXY fallback.corp:3128`), answer).toEqual({
        kind: 'proxy',
        url: 'http://fallback.corp:3128',
      })
    }
  })

  it('says why when nothing in the answer is usable', () => {
    expect(chooseProxy('SOCKS5 socks.corp:1080')).toEqual({
      kind: 'unusable',
      reason:
        'the system proxy settings offer only SOCKS5 socks.corp:1080, which the realtime stream cannot use (it needs DIRECT or an HTTP proxy)',
    })
  })
})
