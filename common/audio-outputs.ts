// Finding the chosen audio output among those present: by id first, then by label,
// because a device's id can change (a new browser profile, a re-plugged USB headset)
// while its name stays. Shared by main (is the device there?) and the ringtone page.
import type { AudioOutput, AudioOutputChoice } from './ipc-contract'

export function findOutput(
  outputs: readonly AudioOutput[],
  choice: AudioOutputChoice,
): AudioOutput | null {
  const byId =
    choice.deviceId === '' ? undefined : outputs.find((o) => o.deviceId === choice.deviceId)
  if (byId) return byId
  return (choice.label === '' ? undefined : outputs.find((o) => o.label === choice.label)) ?? null
}
