// The desktop's socket router with a stand-in resolveProxy: what it asks, what it
// answers, what it logs (once per route) and how it fails.
import { HttpsProxyAgent } from 'https-proxy-agent'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CertificateSource } from './certificate-trust'
import { desktopSocketRouter } from './realtime-route'

const SOCKET_URL = 'wss://chat.example.com/chat/websocket'
const store: CertificateSource = {
  getCACertificates: (kind) => (kind === 'system' ? ['company-ca'] : []),
}

function router(answers: (url: string) => Promise<string>, resolveTimeoutMs?: number) {
  const logs: string[] = []
  const asked: string[] = []
  const route = desktopSocketRouter({
    resolveProxy: (url) => {
      asked.push(url)
      return answers(url)
    },
    certificates: store,
    log: (line) => logs.push(line),
    resolveTimeoutMs,
  })
  return { route, logs, asked }
}

afterEach(() => vi.useRealTimers())

describe('desktopSocketRouter', () => {
  it('asks about the https:// twin and goes directly when the settings say DIRECT', async () => {
    const { route, asked, logs } = router(async () => 'DIRECT')
    expect(await route(SOCKET_URL)).toEqual({ ca: ['company-ca'] })
    expect(asked).toEqual(['https://chat.example.com/chat/websocket'])
    expect(logs).toEqual([
      "realtime: route: direct, per the system proxy settings; trusting the operating system's certificates (1) and Node's own",
    ])
  })

  it('tunnels through the first usable proxy, with the same certificates for an HTTPS proxy', async () => {
    const { route } = router(async () => 'SOCKS5 socks.corp:1080; HTTPS secure.corp:8443')
    const chosen = await route(SOCKET_URL)
    expect(chosen.ca).toEqual(['company-ca'])
    expect(chosen.agent).toBeInstanceOf(HttpsProxyAgent)
    const agent = chosen.agent as HttpsProxyAgent<string>
    expect(agent.proxy.href).toBe('https://secure.corp:8443/')
    expect(agent.connectOpts.ca).toEqual(['company-ca'])
  })

  it('logs the route once, and again only when it changes', async () => {
    let answer = 'PROXY proxy.corp:8080'
    const { route, logs } = router(async () => answer)
    await route(SOCKET_URL)
    await route(SOCKET_URL)
    answer = 'DIRECT'
    await route(SOCKET_URL)
    expect(logs.map((line) => line.split(',')[0])).toEqual([
      'realtime: route: through the proxy http://proxy.corp:8080',
      'realtime: route: direct',
    ])
  })

  it('fails the attempt when only unusable proxies are offered', async () => {
    const { route } = router(async () => 'SOCKS5 socks.corp:1080')
    await expect(route(SOCKET_URL)).rejects.toThrow(/offer only SOCKS5 socks.corp:1080/)
  })

  it('gives up on settings that never answer', async () => {
    vi.useFakeTimers()
    const { route } = router(() => new Promise<string>(() => {}), 5_000)
    const attempt = route(SOCKET_URL)
    const failed = expect(attempt).rejects.toThrow(
      'the system proxy settings gave no answer within 5 s',
    )
    await vi.advanceTimersByTimeAsync(5_000)
    await failed
  })
})
