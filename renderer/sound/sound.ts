// The hidden ringtone page: loops the ring (or the call-waiting tone) on the chosen
// output and the second one until main closes the page, or lists the outputs. When the
// chosen output disappears while it rings, the ring moves to the default output at once.
import callWaitingUrl from '../../assets/sounds/call-waiting.wav'
import ringUrl from '../../assets/sounds/ring.wav'
import { findOutput } from '../../common/audio-outputs'
import type { AudioOutput, CallTraySoundApi } from '../../common/ipc-contract'
import { soundConfigFrom, type SoundConfig } from './sound-config'

declare global {
  interface Window {
    callTraySound?: CallTraySoundApi
  }
}

/** The system default output, as setSinkId takes it. */
const DEFAULT_SINK = ''

async function audioOutputs(): Promise<AudioOutput[]> {
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices
    .filter((device) => device.kind === 'audiooutput')
    .map((device) => ({ deviceId: device.deviceId, label: device.label }))
}

/** The outputs to ring on: the chosen one (or the default), then the second one. */
function sinksFor(
  config: SoundConfig,
  outputs: AudioOutput[],
): { sinks: string[]; fellBack: boolean } {
  const chosen = config.ringOn ? findOutput(outputs, config.ringOn) : null
  const sinks = [chosen?.deviceId ?? DEFAULT_SINK]
  const also = config.alsoRingOn ? findOutput(outputs, config.alsoRingOn) : null
  if (also && !sinks.includes(also.deviceId)) sinks.push(also.deviceId)
  return { sinks, fellBack: config.ringOn !== null && chosen === null }
}

class Ringer {
  private readonly players = new Map<string, HTMLAudioElement>()

  constructor(private readonly config: SoundConfig) {}

  async play(sinks: string[]): Promise<void> {
    for (const [sink, player] of this.players) {
      if (sinks.includes(sink)) continue
      player.pause()
      this.players.delete(sink)
    }
    for (const sink of sinks) {
      if (this.players.has(sink)) continue
      const player = new Audio(this.config.tone === 'call-waiting' ? callWaitingUrl : ringUrl)
      player.loop = true
      player.volume = this.config.volume
      this.players.set(sink, player)
      if (sink !== DEFAULT_SINK) await player.setSinkId(sink)
      await player.play()
    }
  }
}

async function ring(config: SoundConfig): Promise<void> {
  const ringer = new Ringer(config)
  const follow = async () => {
    const { sinks, fellBack } = sinksFor(config, await audioOutputs())
    await ringer.play(sinks)
    return { sinks, fellBack }
  }
  const { sinks, fellBack } = await follow()
  window.callTraySound?.report('sound:playing', { chosenPresent: !fellBack, fellBack, sinks })
  navigator.mediaDevices.addEventListener('devicechange', () => {
    follow().catch((error: unknown) =>
      console.error('Call Tray could not follow the outputs', error),
    )
  })
}

async function main(): Promise<void> {
  const config = soundConfigFrom(location.hash)
  if (config.mode === 'list') {
    window.callTraySound?.report('sound:outputs', await audioOutputs())
    return
  }
  await ring(config)
}

main().catch((error: unknown) => {
  console.error('Call Tray could not play the ringtone', error)
})
