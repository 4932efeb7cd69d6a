// The hidden ringtone page: loops the ring until main closes the page. The volume
// comes in the URL fragment (#volume=0.80), so the page needs no preload or IPC.
import ringUrl from '../../assets/sounds/ring.wav'

function volumeFrom(hash: string): number {
  const value = Number(new URLSearchParams(hash.replace(/^#/, '')).get('volume'))
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 1
}

const audio = new Audio(ringUrl)
audio.loop = true
audio.volume = volumeFrom(location.hash)
audio.play().catch((error: unknown) => {
  console.error('Call Tray could not play the ringtone', error)
})
