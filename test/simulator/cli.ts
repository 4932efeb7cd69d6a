// `npm run simulator`: a local Rocket.Chat stand-in for trying the tray app or the
// headless runner by hand, optionally playing the demo call timeline in a loop.

import { playScenario, AGENT1, demoScenario } from './scenarios'
import { createSimulator } from './simulator'
import type { SimulatorOptions } from './types'

interface CliOptions {
  sim: SimulatorOptions
  demo: boolean
}

function parseArgs(argv: string[]): CliOptions {
  const sim: SimulatorOptions = { port: 3000 }
  let demo = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--port') sim.port = Number(argv[++i])
    else if (arg === '--base-path') sim.basePath = argv[++i]
    else if (arg === '--no-rate-limit') sim.rateLimit = false
    else if (arg === '--demo') demo = true
    else throw new Error(`unknown option ${arg}`)
  }
  if (!Number.isInteger(sim.port) || (sim.port ?? -1) < 0) throw new Error('--port needs a number')
  return { sim, demo }
}

async function main(): Promise<void> {
  const { sim: options, demo } = parseArgs(process.argv.slice(2))
  const sim = await createSimulator(options)
  const player = demo ? playScenario(sim, demoScenario, { loop: true }) : undefined
  const token = AGENT1.tokens[0] ?? ''
  console.error(
    [
      `Rocket.Chat simulator listening on ${sim.url}${demo ? ' (playing the demo scenario in a loop)' : ''}`,
      `Demo agent: ${AGENT1.username} / ${AGENT1.password}  user id ${AGENT1.id}  token ${token}`,
      'Run the headless runner against it:',
      `  RC_USER_ID=${AGENT1.id} RC_AUTH_TOKEN=${token} npm run --silent headless -- --server ${sim.url}`,
    ].join('\n'),
  )
  const shutdown = () => {
    player?.stop()
    void sim.close().then(() => process.exit(0))
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
