// The desktop app's way through a corporate network, wired as main/index.ts wires it but
// with Electron's two pieces stood in: session.resolveProxy answers like a PAC script
// pointing at a CONNECT-only proxy, and the "operating system's certificate store" holds
// the company CA that signed the server's certificate. REST stands in for net.fetch with
// an agent that trusts that store, as Chromium does, and goes directly; the proxy sees
// the realtime socket only, so what it records is the stream's own route.
import https from 'node:https'
import tls from 'node:tls'
import axios, { type AxiosAdapter } from 'axios'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { engineFactory } from '../../main/app/engine-factory'
import { systemClock } from '../../main/core/clock'
import type { EngineEvent } from '../../main/core/engine-ports'
import type { CertificateSource } from '../../main/net/certificate-trust'
import { desktopSocketRouter } from '../../main/net/realtime-route'
import { assembleSessionServices } from '../../main/session/assemble'
import { DEFAULT_SETTINGS } from '../../main/settings'
import {
  answering,
  openConfStore,
  recordingLog,
  temporaryFolder,
  testCipher,
} from '../session/support'
import { AGENT1, FUNKE } from '../simulator'
import { createCorporateNetwork, type CorporateNetwork } from '../support/corporate-network'
import { createPrivateCa, type PrivateCa } from '../support/private-ca'
import { Recorder } from '../support/recorder'

const WAIT_MS = 15_000

let ca: PrivateCa
beforeAll(() => {
  ca = createPrivateCa()
})
afterAll(() => ca.remove())

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

/** node:tls with the company CA installed in the "operating system's" store (or not). */
function systemStore(withCompanyCa: boolean): CertificateSource {
  return {
    getCACertificates: (kind) =>
      kind === 'system' ? (withCompanyCa ? [ca.caPem] : []) : tls.getCACertificates(kind),
  }
}

/** net.fetch as far as trust goes: Chromium accepts what the operating system's store holds. */
function chromiumStandIn(): AxiosAdapter {
  const agent = new https.Agent({ ca: [...tls.getCACertificates('default'), ca.caPem] })
  cleanups.push(() => agent.destroy())
  const http = axios.getAdapter('http')
  return (config) => http({ ...config, httpsAgent: agent })
}

interface Desktop extends CorporateNetwork {
  proxyQueries: string[]
  events: Recorder<EngineEvent>
  logs: string[]
}

async function signedInDesktop(options: {
  companyCaInSystemStore: boolean
  proxyCredentials?: { user: string; password: string }
}): Promise<Desktop> {
  const net = await createCorporateNetwork(ca, { credentials: options.proxyCredentials })
  cleanups.push(() => net.close())
  const { front, proxy } = net

  const folder = temporaryFolder()
  cleanups.push(folder.remove)
  const log = recordingLog()
  const services = assembleSessionServices({
    directory: folder.dir,
    openStore: openConfStore,
    policy: null,
    cipher: testCipher(),
    askStorageChoice: answering('session-only'),
    adapter: chromiumStandIn(),
    log,
  })
  const signIn = await services.sessions.signIn({
    method: 'password',
    serverUrl: front.url,
    user: AGENT1.username,
    password: AGENT1.password,
  })
  expect(signIn.result).toEqual({ ok: true })
  if (!signIn.session) throw new Error('no session after signing in')

  const proxyQueries: string[] = []
  const startEngine = engineFactory({
    createClient: services.createClient,
    contractId: 'desktop-proxy-test',
    clock: systemClock,
    logger: { ...log, error: (message) => log.lines.push(`error ${message}`) },
    socketRouter: desktopSocketRouter({
      resolveProxy: async (url) => {
        proxyQueries.push(url)
        return `PROXY 127.0.0.1:${proxy.port}; DIRECT`
      },
      certificates: systemStore(options.companyCaInSystemStore),
      log: (message) => log.info(message),
    }),
  })
  const { engine, dispose } = startEngine(signIn.session, DEFAULT_SETTINGS)
  const events = new Recorder<EngineEvent>(() => log.lines.join('\n'))
  engine.on((event) => events.push(event))
  engine.start()
  cleanups.push(() => {
    engine.stop()
    dispose()
  })
  return { ...net, proxyQueries, events, logs: log.lines }
}

const online = (event: EngineEvent) => event.type === 'status' && event.status.state === 'online'
const streamUp = (event: EngineEvent) => event.type === 'realtime' && event.healthy

describe('desktop app behind a CONNECT-only proxy and a company CA', () => {
  it('signs in, polls, and takes the stream through the proxy the system settings name', async () => {
    const desktop = await signedInDesktop({ companyCaInSystemStore: true })
    await desktop.events.waitFor(online, 'online', WAIT_MS)
    await desktop.events.waitFor(streamUp, 'the stream up', WAIT_MS)

    const pollsBefore = desktop.polls()
    const call = desktop.sim.placeCall({
      from: { type: 'user', id: FUNKE.id },
      to: { type: 'user', id: AGENT1.id },
    })
    await desktop.events.waitFor(
      (event) => event.type === 'notification' && event.call.id === call._id,
      'the incoming-call notification',
      WAIT_MS,
    )
    // Rung by the stream: no poll came between the call and its notification.
    expect(desktop.polls()).toBe(pollsBefore)

    expect(desktop.proxyQueries).toEqual([`https://localhost:${desktop.front.port}/websocket`])
    expect(desktop.proxy.tunnels).toEqual([
      { target: `localhost:${desktop.front.port}`, status: 200, authorization: undefined },
    ])
    expect(desktop.proxy.refused).toEqual([])
    expect(desktop.logs).toContain(
      `info realtime: route: through the proxy ${desktop.proxy.url}, per the system proxy settings; trusting the operating system's certificates (1) and Node's own`,
    )
  })

  it('keeps polling, and says why, when the system store lacks the company CA', async () => {
    const desktop = await signedInDesktop({ companyCaInSystemStore: false })
    await desktop.events.waitFor(online, 'online', WAIT_MS)
    await expect
      .poll(() => desktop.logs.find((line) => line.startsWith('info realtime: down')), {
        timeout: WAIT_MS,
      })
      .toMatch(/certificate/)
    expect(desktop.events.items.some(streamUp)).toBe(false)
    expect(desktop.proxy.tunnels.every((t) => t.status === 200)).toBe(true)
  })

  it('names a proxy that wants a sign-in, never sends a secret, and keeps polling', async () => {
    const desktop = await signedInDesktop({
      companyCaInSystemStore: true,
      proxyCredentials: { user: 'agent-proxy', password: 'proxy-pa55word' },
    })
    await desktop.events.waitFor(online, 'online', WAIT_MS)
    await expect
      .poll(() => desktop.logs.find((line) => line.startsWith('info realtime: down')), {
        timeout: WAIT_MS,
      })
      .toBe(
        'info realtime: down (the proxy asked for a sign-in (HTTP 407 Proxy Authentication Required)); retrying with backoff',
      )
    expect(desktop.proxy.tunnels[0]).toEqual({
      target: `localhost:${desktop.front.port}`,
      status: 407,
      authorization: undefined,
    })
    expect(desktop.events.items.some(streamUp)).toBe(false)
    expect(desktop.logs.join('\n')).not.toContain(AGENT1.tokens[0])
  })
})
