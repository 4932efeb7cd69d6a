import { describe, expect, it } from 'vitest'
import { parseServerUrl } from '../server-url'
import { websocketUrl } from './websocket-url'

const urlFor = (input: string) => {
  const parsed = parseServerUrl(input)
  if (!parsed.ok) throw new Error(parsed.error)
  return websocketUrl(parsed.value)
}

describe('websocketUrl', () => {
  it.each([
    ['https://chat.example.com', 'wss://chat.example.com/websocket'],
    ['chat.example.com/', 'wss://chat.example.com/websocket'],
    ['https://host/chat', 'wss://host/chat/websocket'],
    ['https://host/chat/', 'wss://host/chat/websocket'],
    ['https://host/a/b/home', 'wss://host/a/b/websocket'],
    ['https://host:8443/chat', 'wss://host:8443/chat/websocket'],
    ['http://127.0.0.1:3000', 'ws://127.0.0.1:3000/websocket'],
    ['http://localhost:3000/chat', 'ws://localhost:3000/chat/websocket'],
    ['http://[::1]:3000', 'ws://[::1]:3000/websocket'],
  ])('%s → %s', (input, expected) => {
    expect(urlFor(input)).toBe(expected)
  })

  it('takes a ServerUrl as the engine stores it', () => {
    expect(websocketUrl({ base: 'https://host/chat', host: 'host' })).toBe(
      'wss://host/chat/websocket',
    )
  })
})
