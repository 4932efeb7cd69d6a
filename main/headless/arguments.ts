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
  /** Print the effective admin policy and exit; `policyFile` checks a file in its place. */
  showPolicy: boolean
  policyFile: string | null
  /** Check the path from the server to a ringing call once, print the checks and exit. */
  selfTest: boolean
}

export const USAGE = `Usage: npm run --silent headless -- --server <url> [--interval <seconds>]
       npm run --silent headless -- --demo
       npm run --silent headless -- --server <url> --self-test
       npm run --silent headless -- --show-policy [--policy-file <path>]

Watches a Rocket.Chat user's media calls and prints JSON lines on stdout.
Credentials come from the environment: RC_USER_ID and RC_AUTH_TOKEN.
Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY; company certificates: NODE_EXTRA_CA_CERTS.

  --server <url>        the Rocket.Chat server (https://, or http:// on this machine)
  --interval <seconds>  the shortest time between polls (default 3; the server's rate limit still wins)
  --demo                start a local simulator with a demo scenario and watch it
  --no-realtime         poll only, without the realtime stream
  --self-test           check server, sign-in, voice calls, realtime and rate limit once, then exit (0: all passed)
  --show-policy         print the administrator's policy in effect and where each setting comes from
  --policy-file <path>  with --show-policy: check this JSON file instead, by the same rules
  --help                show this text`

const MIN_INTERVAL_SECONDS = 1

export function parseHeadlessArguments(argv: string[]): Result<HeadlessArguments, string> {
  let values: {
    server?: string
    interval?: string
    demo?: boolean
    realtime?: boolean
    help?: boolean
    'show-policy'?: boolean
    'policy-file'?: string
    'self-test'?: boolean
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
        'show-policy': { type: 'boolean' },
        'policy-file': { type: 'string' },
        'self-test': { type: 'boolean' },
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
  const policy = { showPolicy: false, policyFile: null, selfTest: false }
  if (values.help) {
    return ok({
      server: null,
      intervalSeconds: interval,
      demo: false,
      realtime,
      help: true,
      ...policy,
    })
  }
  if (values['policy-file'] !== undefined && !values['show-policy']) {
    return err('--policy-file goes with --show-policy.')
  }
  if (values['show-policy']) {
    if (values.demo || values.server) return err('--show-policy runs on its own.')
    const policyFile = values['policy-file'] ?? null
    return ok({
      server: null,
      intervalSeconds: interval,
      demo: false,
      realtime,
      help: false,
      showPolicy: true,
      policyFile,
      selfTest: false,
    })
  }
  if (values.demo && values.server) return err('Use either --server or --demo, not both.')
  if (!values.demo && !values.server) return err('--server <url> is required (or --demo).')
  return ok({
    server: values.server ?? null,
    intervalSeconds: interval,
    demo: values.demo ?? false,
    realtime,
    help: false,
    ...policy,
    selfTest: values['self-test'] ?? false,
  })
}
