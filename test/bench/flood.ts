// `npm run bench:flood`: what a flood costs the engine per call. A server answers every
// poll with N ringing calls (parsed by the same schema as the REST client, so parsing
// counts), then pushes `new` signals for fresh calls. Prints µs per call per poll and
// µs per signal at 10, 1 000 and 10 000 calls. A script that prints figures, not a test.
import { cpus } from 'node:os'
import { ManualClock } from '../support/app-fakes'
import { mediaCallSchema, type ServerMediaCall } from '../../main/core/api-schemas'
import { CallEngine } from '../../main/core/call-engine'
import { ok } from '../../main/core/result'
import type { CallsSnapshot, Reply } from '../../main/core/rocketchat-client'
import type { TrackerSignal } from '../../main/core/tracker-signals'
import { ScriptedCallsApi, ScriptedStream } from '../support/engine-fakes'
import { AGENT_ID, rawCall } from '../support/server-calls'

const SIZES = [10, 1000, 10_000]
const POLLS = 20
const SIGNALS = 8000
const FLOOR_MS = 1000

/** Parses the raw answer on every poll, as RocketChatClient.readCalls does. */
class RawCallsApi extends ScriptedCallsApi {
  raw: unknown[] = []
  override async getCallsState(): Promise<Reply<CallsSnapshot>> {
    this.polls++
    const calls: ServerMediaCall[] = []
    for (const raw of this.raw) {
      const parsed = mediaCallSchema.safeParse(raw)
      if (parsed.success) calls.push(parsed.data)
    }
    return { result: ok({ calls, unreadable: [], serverOffsetMs: 0 }), budget: null }
  }
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

async function measure(size: number): Promise<{ perCallPerPollUs: number; perSignalUs: number }> {
  const clock = new ManualClock(Date.now())
  const api = new RawCallsApi()
  const stream = new ScriptedStream()
  api.raw = Array.from({ length: size }, (_, i) => rawCall({ id: `flood-${i}` }))
  const engine = new CallEngine({
    api,
    userId: AGENT_ID,
    contractId: 'bench',
    clock,
    floorIntervalMs: FLOOR_MS,
    realtime: stream,
  })
  engine.start()
  await settle()

  const pollsBefore = api.polls
  const pollStart = performance.now()
  while (api.polls - pollsBefore < POLLS) {
    clock.advance(FLOOR_MS)
    await settle()
  }
  const pollMs = performance.now() - pollStart

  const signalStart = performance.now()
  for (let i = 0; i < SIGNALS; i++) stream.push(newCall(`signal-${i}`))
  const signalMs = performance.now() - signalStart
  engine.stop()
  return {
    perCallPerPollUs: (pollMs * 1000) / (api.polls - pollsBefore) / size,
    perSignalUs: (signalMs * 1000) / SIGNALS,
  }
}

function newCall(callId: string): TrackerSignal {
  return {
    type: 'new',
    callId,
    role: 'callee',
    contact: { type: 'user', id: 'aEGCdnFoBFCFNdiyX', displayName: 'Funke Olasupo' },
  }
}

async function main(): Promise<void> {
  // One warm-up run so the JIT has seen every path before anything is measured.
  await measure(1000)
  const rows: string[] = []
  for (const size of SIZES) {
    const { perCallPerPollUs, perSignalUs } = await measure(size)
    rows.push(
      `| ${size.toLocaleString('en')} | ${perCallPerPollUs.toFixed(2)} | ${perSignalUs.toFixed(2)} |`,
    )
  }
  console.log(`${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.versions.node}`)
  console.log(`${POLLS} polls and ${SIGNALS} \`new\` signals for fresh calls per size\n`)
  console.log('| calls | µs per call per poll | µs per signal |')
  console.log('| ----- | -------------------- | ------------- |')
  for (const row of rows) console.log(row)
}

void main()
