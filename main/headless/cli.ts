// The engine without Electron, for IT admins' diagnostics and for tests:
// `npm run --silent headless -- --server <url>` with RC_USER_ID / RC_AUTH_TOKEN.
// stdout carries only JSON lines (see json-lines.ts); logs go to stderr.
// Exit codes: 0 on SIGINT/SIGTERM, 2 on a usage error, 3 when the server rejects the credentials;
// `--show-policy`: 0, or 1 when the admin policy fails closed; `--self-test`: 0 when every
// check passed, 1 otherwise.
import { randomUUID } from 'node:crypto'
import { setLocale } from '../../common/i18n'
import { localeFromEnvironment } from '../../common/i18n/posix-locale'
import { CallEngine } from '../core/call-engine'
import { systemClock } from '../core/clock'
import { RealtimeListener } from '../core/realtime'
import { VoiceAvailabilityWatch } from '../core/voice-availability'
import type { Credentials } from '../core/rocketchat-client'
import { RocketChatClient } from '../core/rocketchat-client'
import { parseServerUrl } from '../core/server-url'
import { safeLogText } from '../logging/log-text'
import { memoryAwayMarkStore } from '../settings/away-mark-file'
import { parseHeadlessArguments, USAGE } from './arguments'
import { startDemoServer } from './demo'
import { environmentRoute } from './environment-route'
import { createLineMapper } from './json-lines'
import { headlessSelfTest } from './self-test'
import { headlessPolicySources, showPolicy } from './show-policy'

const EXIT_USAGE = 2
const EXIT_UNAUTHORIZED = 3

function log(message: string): void {
  process.stderr.write(`${new Date().toISOString()} ${safeLogText(message)}\n`)
}

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`)
  process.exit(EXIT_USAGE)
}

function credentialsFromEnvironment(): Credentials {
  const userId = process.env['RC_USER_ID']?.trim()
  const authToken = process.env['RC_AUTH_TOKEN']?.trim()
  if (!userId || !authToken) usageError('Set RC_USER_ID and RC_AUTH_TOKEN in the environment.')
  return { userId, authToken }
}

async function main(): Promise<void> {
  // Titles, bodies and details follow the locale like any CLI's; JSON keys stay English.
  setLocale(localeFromEnvironment(process.env))
  const parsed = parseHeadlessArguments(process.argv.slice(2))
  if (!parsed.ok) usageError(parsed.error)
  if (parsed.value.help) {
    process.stderr.write(`${USAGE}\n`)
    return
  }
  if (parsed.value.showPolicy) {
    const sources = headlessPolicySources(parsed.value.policyFile)
    // exitCode, not exit(): stdout to a pipe may still be writing.
    process.exitCode = await showPolicy(sources, { info: log, error: log })
    return
  }
  const demo = parsed.value.demo ? await startDemoServer(log) : null
  const serverText = demo?.url ?? parsed.value.server ?? ''
  const credentials = demo?.credentials ?? credentialsFromEnvironment()
  const server = parseServerUrl(serverText)
  if (!server.ok) usageError(server.error)
  const network = environmentRoute(server.value)
  if (!network.ok) usageError(network.error)
  log(network.value.description)

  const client = new RocketChatClient({
    server: server.value,
    credentials,
    userAgent: 'CallTray-headless',
    agent: network.value.restAgent,
  })
  let realtimeProblem: string | null = null
  const realtime = parsed.value.realtime
    ? new RealtimeListener({
        server: server.value,
        credentials,
        clock: systemClock,
        route: network.value.socketRoute,
        log: (message) => {
          realtimeProblem =
            /^realtime: (?:down \((.*)\);|(the server refused .*);)/
              .exec(message)
              ?.slice(1)
              .find(Boolean) ?? realtimeProblem
          log(message)
        },
      })
    : undefined
  if (parsed.value.selfTest) {
    process.exitCode = await headlessSelfTest({
      client,
      clock: systemClock,
      realtime: realtime ?? null,
      realtimeProblem: () => realtimeProblem,
      print: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    })
    client.close()
    await demo?.stop()
    return
  }
  const engine = new CallEngine({
    api: client,
    userId: credentials.userId,
    contractId: randomUUID(),
    clock: systemClock,
    floorIntervalMs:
      parsed.value.intervalSeconds === null ? undefined : parsed.value.intervalSeconds * 1000,
    realtime,
    voice: new VoiceAvailabilityWatch({ api: client, clock: systemClock }),
    // Nothing is kept on disk here: the first catch-up only sets the mark.
    away: { source: client, store: memoryAwayMarkStore(), account: credentials.userId },
    warn: log,
    info: log,
  })

  let stopping = false
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return
    stopping = true
    engine.stop()
    client.close()
    await demo?.stop()
    process.exit(code)
  }

  const toLine = createLineMapper()
  engine.on((event) => {
    const line = toLine(event)
    if (line) process.stdout.write(`${JSON.stringify(line)}\n`)
    if (event.type === 'status') {
      log(
        `status ${event.status.state}${'detail' in event.status ? `: ${event.status.detail}` : ''}`,
      )
      if (event.status.state === 'unauthorized') void shutdown(EXIT_UNAUTHORIZED)
    }
  })
  // `on`, not `once`: a loader (tsx) exits with 128+signal when no listener is left.
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))
  log(`watching ${server.value.base} as ${credentials.userId}`)
  engine.start()
}

main().catch((error: unknown) => {
  log(`fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
