// Demo users and scripted call timelines. A scenario is a list of timed actions on a
// Simulator; playScenario runs it on wall-clock timers by default, or on injected
// timers so a test (or a soak with compressed time) decides when "later" is.

import type { SimUser, Simulator } from './types'

export const AGENT1: SimUser = {
  id: 'iaZWAXecuCuBx4FnX',
  username: 'agent1',
  name: 'Agent1',
  password: 'agent1-password',
  tokens: ['demo-agent1-token'],
}

export const FUNKE: SimUser = {
  id: 'aEGCdnFoBFCFNdiyX',
  username: 'funke.olasupo',
  name: 'Funke Olasupo',
  password: 'funke-password',
  tokens: ['demo-funke-token'],
}

export const AGENT_2FA: SimUser = {
  id: 'tWoFaCtOrAgEnT0001',
  username: 'agent2fa',
  name: 'Two Factor Agent',
  password: 'agent2fa-password',
  tokens: ['demo-agent2fa-token'],
  twoFactor: { method: 'totp', code: '246810' },
}

/** Holds `api-bypass-rate-limit`, like an admin or a bot. */
export const SUPERVISOR: SimUser = {
  id: 'sUpErViSoRaDmIn001',
  username: 'supervisor',
  name: 'Supervisor',
  password: 'supervisor-password',
  tokens: ['demo-supervisor-token'],
  bypassRateLimit: true,
}

export const DEMO_USERS: SimUser[] = [AGENT1, FUNKE, AGENT_2FA, SUPERVISOR]

/**
 * `count` agents for fleet tests, each with its own id, login and token: `fleet-agent-001` …
 * (id `fleetAgent000001`, password `fleet-agent-001-password`, token `fleet-agent-001-token`).
 * Pass them (with any other users) as `users` to createSimulator.
 */
export function makeAgents(count: number): SimUser[] {
  if (!Number.isInteger(count) || count < 0) throw new Error(`makeAgents: bad count ${count}`)
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    const username = `fleet-agent-${n}`
    return {
      id: `fleetAgent${String(i + 1).padStart(7, '0')}`,
      username,
      name: `Fleet Agent ${n}`,
      password: `${username}-password`,
      tokens: [`${username}-token`],
    }
  })
}

export type ScenarioStep = {
  atMs: number
  action: (sim: Simulator, ctx: Record<string, string>) => void
}

export interface PlayOptions {
  /** Start over (with a fresh ctx) once the last step has run. */
  loop?: boolean
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  /** A step that throws (e.g. the agent already declined the call) is reported, not fatal. */
  onError?: (error: unknown, step: ScenarioStep) => void
}

export function playScenario(
  sim: Simulator,
  steps: ScenarioStep[],
  opts: PlayOptions = {},
): { stop(): void; done: Promise<void> } {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout))
  const onError = opts.onError ?? ((error) => console.warn('scenario step failed:', String(error)))
  const ordered = [...steps].sort((a, b) => a.atMs - b.atMs)
  let timer: unknown
  let stopped = false
  let finish: () => void = () => {}
  const done = new Promise<void>((resolve) => (finish = resolve))

  const schedule = (index: number, previousAt: number, ctx: Record<string, string>): void => {
    const step = ordered[index]
    if (stopped) return
    if (!step) {
      if (opts.loop && ordered.length > 0) schedule(0, 0, {})
      else finish()
      return
    }
    timer = setTimer(() => {
      try {
        step.action(sim, ctx)
      } catch (error) {
        onError(error, step)
      }
      schedule(index + 1, step.atMs, ctx)
    }, step.atMs - previousAt)
  }
  schedule(0, 0, {})

  return {
    stop() {
      stopped = true
      clearTimer(timer)
      finish()
    },
    done,
  }
}

/** A scenario step: another client of `userId` registers (the web app opens), so live calls are replayed. */
export function otherClientRegisters(atMs: number, userId: string): ScenarioStep {
  return { atMs, action: (sim) => sim.registerOtherClient(userId) }
}

/** Runs `fn` on the call stored under ctx[key] only while that call is still live. */
function onLiveCall(
  sim: Simulator,
  ctx: Record<string, string>,
  key: string,
  fn: (id: string) => void,
) {
  const id = ctx[key]
  if (id && sim.getCall(id)?.ended === false) fn(id)
}

/** One minute of agent1's day: Funke's call answered and ended, then a missed SIP call. */
export const demoScenario: ScenarioStep[] = [
  {
    atMs: 1_000,
    action: (sim, ctx) => {
      ctx.funke = sim.placeCall({
        from: { type: 'user', id: FUNKE.id },
        to: { type: 'user', id: AGENT1.id },
      })._id
    },
  },
  { atMs: 2_000, action: (sim, ctx) => onLiveCall(sim, ctx, 'funke', (id) => sim.ackCall(id)) },
  { atMs: 16_000, action: (sim, ctx) => onLiveCall(sim, ctx, 'funke', (id) => sim.acceptCall(id)) },
  {
    atMs: 17_000,
    action: (sim, ctx) => onLiveCall(sim, ctx, 'funke', (id) => sim.activateCall(id)),
  },
  {
    atMs: 35_000,
    action: (sim, ctx) =>
      onLiveCall(sim, ctx, 'funke', (id) => sim.hangupCall(id, { by: FUNKE.id })),
  },
  {
    atMs: 40_000,
    action: (sim, ctx) => {
      const reception = { type: 'sip' as const, extension: '2001', displayName: 'Reception' }
      ctx.reception = sim.placeCall({ from: reception, to: { type: 'user', id: AGENT1.id } })._id
    },
  },
  {
    atMs: 41_000,
    action: (sim, ctx) => onLiveCall(sim, ctx, 'reception', (id) => sim.ackCall(id)),
  },
  {
    atMs: 58_000,
    action: (sim, ctx) =>
      onLiveCall(sim, ctx, 'reception', (id) => sim.hangupCall(id, { by: '2001' })),
  },
  { atMs: 60_000, action: () => {} },
]
