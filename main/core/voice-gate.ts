// The engine's narrow hook for voice availability: while this user cannot get voice
// calls, `media-calls.state` is not asked at all (its empty answer would only spend the
// office's shared budget and look like "online"); the poll reports why instead, and
// the engine polls again as soon as the watch's next check says calls are possible.
import type { CallsApi } from './engine-ports'
import { err } from './result'
import type { VoiceAvailability } from './voice-availability'

/** What the engine needs of VoiceAvailabilityWatch. */
export interface VoiceAvailabilitySource {
  start(): void
  stop(): void
  readonly current: VoiceAvailability
  firstCheck(): Promise<void>
  onChange(listener: (availability: VoiceAvailability) => void): () => void
}

export function gateCallsByVoice(api: CallsApi, voice: VoiceAvailabilitySource): CallsApi {
  return {
    getCallsState: async () => {
      await voice.firstCheck()
      const availability = voice.current
      if (availability.kind !== 'unavailable') return api.getCallsState()
      return {
        result: err({ kind: 'voice-unavailable', reason: availability.reason }),
        budget: null,
      }
    },
    rejectCall: (callId, contractId) => api.rejectCall(callId, contractId),
    getCallHistory: (callId) => api.getCallHistory(callId),
    getCallEnding: (callId) => api.getCallEnding(callId),
  }
}
