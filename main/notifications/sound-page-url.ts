// What the ringtone page is asked to do, in its URL fragment: the page reads it before
// it plays a note, so it needs no IPC to start (renderer/sound/sound-config.ts parses it).
import type { RingRequest } from '../alerting/ports'

/** `ring`: play the request, looped, until the page is closed; `list`: report the outputs. */
export type SoundPageMode = 'ring' | 'list'

export function soundPageUrl(
  pageUrl: string,
  mode: SoundPageMode,
  request: RingRequest | null,
): string {
  const params = new URLSearchParams({ mode })
  if (request) {
    params.set('tone', request.tone)
    params.set('volume', request.volume.toFixed(2))
    if (request.ringOn) params.set('ringOn', JSON.stringify(request.ringOn))
    if (request.alsoRingOn) params.set('alsoRingOn', JSON.stringify(request.alsoRingOn))
  }
  return `${pageUrl}#${params.toString()}`
}
