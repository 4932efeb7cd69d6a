// `--demo`: a local simulator playing the demo scenario in a loop, watched as its
// demo agent, so anyone can see the runner work without a Rocket.Chat server.
import { AGENT1, createSimulator, demoScenario, playScenario } from '../../test/simulator'
import type { Credentials } from '../core/rocketchat-client'

export interface DemoServer {
  url: string
  credentials: Credentials
  stop(): Promise<void>
}

export async function startDemoServer(log: (message: string) => void): Promise<DemoServer> {
  const agent = AGENT1
  const token = agent.tokens[0]
  if (!token) throw new Error('The demo agent has no token.')
  const simulator = await createSimulator()
  const scenario = playScenario(simulator, demoScenario, { loop: true })
  log(`demo: simulator at ${simulator.url}, watching ${agent.username}`)
  return {
    url: simulator.url,
    credentials: { userId: agent.id, authToken: token },
    stop: async () => {
      scenario.stop()
      await simulator.close()
    },
  }
}
