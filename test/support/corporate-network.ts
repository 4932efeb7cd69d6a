// A corporate network in miniature: the simulator behind TLS whose certificate a company
// CA signed, and a CONNECT-only proxy as the way out.
import { createSimulator, type Simulator } from '../simulator'
import { createTlsFront, type TlsFront } from '../simulator/tls-front'
import { createConnectProxy, type ConnectProxy } from './connect-proxy'
import type { PrivateCa } from './private-ca'

export interface CorporateNetwork {
  sim: Simulator
  front: TlsFront
  proxy: ConnectProxy
  /** media-calls.state requests the server has answered so far. */
  polls(): number
  close(): Promise<void>
}

export async function createCorporateNetwork(
  ca: PrivateCa,
  proxyOptions: Parameters<typeof createConnectProxy>[0] = {},
): Promise<CorporateNetwork> {
  const sim = await createSimulator()
  const front = await createTlsFront({
    targetPort: sim.port,
    key: ca.serverKey,
    cert: ca.serverCert,
  })
  const proxy = await createConnectProxy(proxyOptions)
  return {
    sim,
    front,
    proxy,
    polls: () => sim.requests.filter((r) => r.route === 'media-calls.state').length,
    close: async () => {
      await proxy.close()
      await front.close()
      await sim.close()
    },
  }
}
