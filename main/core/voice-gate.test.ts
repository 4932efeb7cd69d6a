import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AGENT_ID } from '../../test/support/server-calls'
import { CallEngine, type CallsApi, type EngineEvent } from './call-engine'
import { systemClock } from './clock'
import { ok } from './result'
import type { VoiceAvailability } from './voice-availability'
import type { VoiceAvailabilitySource } from './voice-gate'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(Date.parse('2026-11-23T09:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

/** A healthy server that answers an empty list, as a server without voice calls does forever. */
function emptyServer() {
  let polls = 0
  const api: CallsApi = {
    getCallsState: async () => {
      polls++
      return { result: ok({ calls: [], unreadable: [], serverOffsetMs: 0 }), budget: null }
    },
    rejectCall: async () => ok(undefined),
    getCallHistory: async () => ({ result: ok(null), budget: null }),
    getCallEnding: async () => ({ result: ok(null), budget: null }),
  }
  return { api, polls: () => polls }
}

/** What the watch would say, set by the test. */
function voiceSaying(initial: VoiceAvailability) {
  const listeners = new Set<(availability: VoiceAvailability) => void>()
  let current = initial
  const source: VoiceAvailabilitySource & { say(next: VoiceAvailability): void; stopped: boolean } =
    {
      get current() {
        return current
      },
      stopped: false,
      start: () => {},
      stop: () => (source.stopped = true),
      firstCheck: async () => {},
      onChange: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      say(next) {
        current = next
        for (const listener of listeners) listener(next)
      },
    }
  return source
}

function setup(initial: VoiceAvailability) {
  const server = emptyServer()
  const voice = voiceSaying(initial)
  const engine = new CallEngine({
    api: server.api,
    userId: AGENT_ID,
    contractId: 'contract-test',
    clock: systemClock,
    floorIntervalMs: 1000,
    voice,
  })
  const statuses: EngineEvent[] = []
  engine.on((event) => event.type === 'status' && statuses.push(event))
  return { server, voice, engine, statuses }
}

describe('call engine and voice availability', () => {
  it('shows unsupported with the reason instead of a quiet "online", and stops polling', async () => {
    const { server, engine } = setup({ kind: 'unavailable', reason: 'not-licensed' })
    engine.start()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(engine.state.status).toEqual({
      state: 'unsupported',
      detail: 'Voice calls are not licensed on this server.',
    })
    expect(server.polls()).toBe(0)
  })

  it('says when the account may not receive voice calls', async () => {
    const { engine } = setup({ kind: 'unavailable', reason: 'not-permitted' })
    engine.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(engine.state.status).toEqual({
      state: 'unsupported',
      detail: 'Your account is not permitted to receive voice calls.',
    })
  })

  it('polls as usual while it cannot tell', async () => {
    const { server, engine } = setup({ kind: 'unknown' })
    engine.start()
    await vi.advanceTimersByTimeAsync(5000)
    expect(engine.state.status).toEqual({ state: 'online' })
    expect(server.polls()).toBeGreaterThan(3)
  })

  it('goes online at once when a re-check finds calls possible, and back when they are not', async () => {
    const { server, voice, engine } = setup({ kind: 'unavailable', reason: 'not-permitted' })
    engine.start()
    await vi.advanceTimersByTimeAsync(10_000)
    voice.say({ kind: 'available' })
    await vi.advanceTimersByTimeAsync(0)
    expect(engine.state.status).toEqual({ state: 'online' })
    expect(server.polls()).toBe(1)
    voice.say({ kind: 'unavailable', reason: 'not-licensed' })
    await vi.advanceTimersByTimeAsync(1000)
    expect(engine.state.status.state).toBe('unsupported')
  })

  it('stops the watch with the engine', () => {
    const { voice, engine } = setup({ kind: 'unknown' })
    engine.start()
    engine.stop()
    expect(voice.stopped).toBe(true)
  })
})
