// The headless runner as a process on a corporate network: the server's certificate is
// signed by a company CA that only NODE_EXTRA_CA_CERTS makes trusted, and the way out is a
// proxy that only tunnels (CONNECT). HTTPS_PROXY and NO_PROXY decide, as for any CLI.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AGENT1, FUNKE } from '../simulator'
import type { createConnectProxy } from '../support/connect-proxy'
import { createCorporateNetwork, type CorporateNetwork } from '../support/corporate-network'
import { createPrivateCa, type PrivateCa } from '../support/private-ca'
import { runHeadless, type HeadlessProcess } from './headless-process'

const PROXY_USER = 'agent-proxy'
const PROXY_PASSWORD = 'proxy-pa55word'
/** Whatever the machine running the tests has set must not steer these processes. */
const NO_INHERITED_PROXY = Object.fromEntries(
  ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'NO_PROXY'].flatMap((name) => [
    [name, undefined],
    [name.toLowerCase(), undefined],
  ]),
) as Record<string, undefined>

let ca: PrivateCa
beforeAll(() => {
  ca = createPrivateCa()
})
afterAll(() => ca.remove())

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function corporateNetwork(
  proxyOptions: Parameters<typeof createConnectProxy>[0] = {},
): Promise<CorporateNetwork> {
  const net = await createCorporateNetwork(ca, proxyOptions)
  cleanups.push(() => net.close())
  return net
}

function start(net: CorporateNetwork, env: Record<string, string | undefined>): HeadlessProcess {
  const process = runHeadless(['--server', net.front.url, '--interval', '30'], {
    ...NO_INHERITED_PROXY,
    RC_USER_ID: AGENT1.id,
    RC_AUTH_TOKEN: AGENT1.tokens[0],
    NODE_EXTRA_CA_CERTS: ca.caFile,
    ...env,
  })
  cleanups.push(() => void process.child.kill('SIGKILL'))
  return process
}

const onlineWithStream = (line: Record<string, unknown>) =>
  line.type === 'status' && line.state === 'online' && line.realtime === true

/** A call placed now rings by the stream: no poll comes between it and the notification. */
async function ringsThroughTheStream(net: CorporateNetwork, process: HeadlessProcess) {
  const pollsBefore = net.polls()
  const call = net.sim.placeCall({
    from: { type: 'user', id: FUNKE.id },
    to: { type: 'user', id: AGENT1.id },
  })
  await process.waitForLine(
    (line) => line.type === 'notification' && line.callId === call._id,
    'the incoming-call notification',
  )
  expect(net.polls()).toBe(pollsBefore)
}

describe('headless runner behind a CONNECT-only proxy and a company CA', () => {
  it('takes REST and the stream through HTTPS_PROXY, trusting NODE_EXTRA_CA_CERTS', async () => {
    const net = await corporateNetwork()
    const process = start(net, { HTTPS_PROXY: net.proxy.url })
    await process.waitForLine(onlineWithStream, 'online with the stream')
    await ringsThroughTheStream(net, process)

    const target = `localhost:${net.front.port}`
    expect(net.proxy.refused).toEqual([])
    expect(net.proxy.tunnels.length).toBeGreaterThanOrEqual(2) // REST and the WebSocket
    expect(net.proxy.tunnels.every((t) => t.target === target && t.status === 200)).toBe(true)
    // Nothing reached the server but through the proxy.
    expect(net.front.connectionCount).toBe(net.proxy.tunnels.length)
    expect(process.stderr()).toContain(`network: connecting through the proxy ${net.proxy.url}`)
  })

  it('goes directly to a host NO_PROXY names, in either case', async () => {
    const net = await corporateNetwork()
    const process = start(net, {
      https_proxy: net.proxy.url,
      NO_PROXY: 'chat.example.com, localhost',
    })
    await process.waitForLine(onlineWithStream, 'online with the stream')
    await ringsThroughTheStream(net, process)
    expect(net.proxy.tunnels).toEqual([])
    expect(net.proxy.refused).toEqual([])
    expect(process.stderr()).toContain('network: connecting directly')
  })

  it('signs in to the proxy with the credentials in the proxy URL, and never logs them', async () => {
    const net = await corporateNetwork({
      credentials: { user: PROXY_USER, password: PROXY_PASSWORD },
    })
    const proxyUrl = `http://${PROXY_USER}:${PROXY_PASSWORD}@127.0.0.1:${net.proxy.port}`
    const process = start(net, { HTTPS_PROXY: proxyUrl })
    await process.waitForLine(onlineWithStream, 'online with the stream')
    expect(net.proxy.tunnels.every((t) => t.status === 200)).toBe(true)
    expect(process.stderr()).toContain(`through the proxy ${net.proxy.url} (with a sign-in)`)
    expect(process.stderr()).not.toContain(PROXY_PASSWORD)
    expect(process.rawStdout()).not.toContain(PROXY_PASSWORD)
  })

  it('says plainly that the proxy wants a sign-in when HTTPS_PROXY carries none', async () => {
    const net = await corporateNetwork({
      credentials: { user: PROXY_USER, password: PROXY_PASSWORD },
    })
    const process = start(net, { HTTPS_PROXY: net.proxy.url })
    const offline = await process.waitForLine(
      (line) => line.type === 'status' && line.state === 'offline',
      'offline',
    )
    expect(offline.detail).toMatch(/proxy asked for a sign-in \(HTTP 407/)
    await expect
      .poll(() => process.stderr())
      .toMatch(/realtime: down \(the proxy asked for a sign-in \(HTTP 407/)
    expect(net.proxy.tunnels.length).toBeGreaterThan(0)
    expect(net.proxy.tunnels.every((t) => t.status === 407)).toBe(true)
  })
})
