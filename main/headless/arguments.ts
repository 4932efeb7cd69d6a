// Command-line arguments of the headless runner. Credentials never come from argv,
// where every user of the machine can read them.
import { parseArgs } from 'node:util'
import { err, ok, type Result } from '../core/result'

export interface HeadlessArguments {
  server: string | null
  intervalSeconds: number | null
  demo: boolean
  realtime: boolean
  help: boolean
}

export const USAGE = `Usage: npm run --silent headless -- --server <url> [--interval <seconds>]
       npm run --silent headless -- --demo

Watches a Rocket.Chat user's media calls and prints JSON lines on stdout.
Credentials come from the environment: RC_USER_ID and RC_AUTH_TOKEN.
Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY; company certificates: NODE_EXTRA_CA_CERTS.

  --server <url>        the Rocket.Chat server (https://, or http:// on this machine)
  --interval <seconds>  the shortest time between polls (default 3; the server's rate limit still wins)
  --demo                start a local simulator with a demo scenario and watch it
  --no-realtime         poll only, without the realtime stream
  --help                show this text`

const MIN_INTERVAL_SECONDS = 1

export function parseHeadlessArguments(argv: string[]): Result<HeadlessArguments, string> {
  let values: {
    server?: string
    interval?: string
    demo?: boolean
    realtime?: boolean
    help?: boolean
  }
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        server: { type: 'string' },
        interval: { type: 'string' },
        demo: { type: 'boolean' },
        realtime: { type: 'boolean', default: true },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    }))
  } catch (error) {
    return err((error as Error).message)
  }
  const interval = values.interval === undefined ? null : Number(values.interval)
  if (interval !== null && !(Number.isFinite(interval) && interval >= MIN_INTERVAL_SECONDS)) {
    return err(`--interval must be a number of seconds, at least ${MIN_INTERVAL_SECONDS}.`)
  }
  const realtime = values.realtime ?? true
  if (values.help) {
    return ok({ server: null, intervalSeconds: interval, demo: false, realtime, help: true })
  }
  if (values.demo && values.server) return err('Use either --server or --demo, not both.')
  if (!values.demo && !values.server) return err('--server <url> is required (or --demo).')
  return ok({
    server: values.server ?? null,
    intervalSeconds: interval,
    demo: values.demo ?? false,
    realtime,
    help: false,
  })
}
