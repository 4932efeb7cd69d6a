// What main asked the page to do (main/notifications/sound-page-url.ts writes it).
// Anything unreadable falls back to ringing on the default output at full volume:
// a call must never go silent because of a bad fragment.
import type { AudioOutputChoice } from '../../common/ipc-contract'

export interface SoundConfig {
  mode: 'ring' | 'list'
  tone: 'ring' | 'call-waiting'
  volume: number
  ringOn: AudioOutputChoice | null
  alsoRingOn: AudioOutputChoice | null
}

function outputFrom(text: string | null): AudioOutputChoice | null {
  if (text === null) return null
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return null
    const { deviceId, label } = value as Record<string, unknown>
    return typeof deviceId === 'string' && typeof label === 'string' ? { deviceId, label } : null
  } catch {
    return null
  }
}

export function soundConfigFrom(hash: string): SoundConfig {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const volume = Number(params.get('volume') ?? 1)
  return {
    mode: params.get('mode') === 'list' ? 'list' : 'ring',
    tone: params.get('tone') === 'call-waiting' ? 'call-waiting' : 'ring',
    volume: Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1,
    ringOn: outputFrom(params.get('ringOn')),
    alsoRingOn: outputFrom(params.get('alsoRingOn')),
  }
}
