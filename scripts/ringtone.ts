// The ringtone: a soft two-note chime, twice, then a pause, made to loop. Each note is
// a few harmonics under a quick attack and an exponential fade, like a struck bell;
// the loop ends in silence so the repeat has no click.

export const SAMPLE_RATE = 22_050
const LENGTH_S = 2.4

interface Note {
  at: number
  hz: number
}

const NOTES: readonly Note[] = [
  { at: 0.0, hz: 659.25 }, // E5
  { at: 0.28, hz: 830.61 }, // G#5
  { at: 0.7, hz: 659.25 },
  { at: 0.98, hz: 830.61 },
]
const PARTIALS: readonly [number, number][] = [
  [1, 1],
  [2, 0.28],
  [3, 0.09],
  [4.2, 0.04],
]

export function ringtoneSamples(): Float32Array {
  const samples = new Float32Array(Math.round(LENGTH_S * SAMPLE_RATE))
  for (const note of NOTES) {
    const start = Math.round(note.at * SAMPLE_RATE)
    for (let i = start; i < samples.length; i += 1) {
      const t = (i - start) / SAMPLE_RATE
      const envelope = Math.min(1, t / 0.008) * Math.exp(-t * 5.5)
      if (envelope < 1e-4 && t > 0.1) break
      let value = 0
      for (const [multiple, gain] of PARTIALS)
        value += gain * Math.sin(2 * Math.PI * note.hz * multiple * t)
      samples[i] = (samples[i] ?? 0) + value * envelope
    }
  }
  let peak = 0
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample))
  const gain = 0.7 / peak
  return samples.map((sample, i) => sample * gain * fadeOut(i, samples.length))
}

/**
 * The call-waiting tone: two short, soft beeps (440 Hz, as telephone exchanges do), then
 * silence, looped every few seconds, so a call ringing during a call is heard without
 * drowning the voice in the headset.
 */
const WAITING_LENGTH_S = 4
const WAITING_BEEPS = [0, 0.35]
const WAITING_BEEP_S = 0.18

export function callWaitingSamples(): Float32Array {
  const samples = new Float32Array(Math.round(WAITING_LENGTH_S * SAMPLE_RATE))
  for (const at of WAITING_BEEPS) {
    const start = Math.round(at * SAMPLE_RATE)
    const length = Math.round(WAITING_BEEP_S * SAMPLE_RATE)
    for (let i = 0; i < length; i += 1) {
      const t = i / SAMPLE_RATE
      // 10 ms ramps at both ends: no click.
      const ramp = Math.min(1, t / 0.01, (WAITING_BEEP_S - t) / 0.01)
      samples[start + i] = 0.35 * ramp * Math.sin(2 * Math.PI * 440 * t)
    }
  }
  return samples
}

/** The last 50 ms go to zero, so the loop joins silence to silence. */
function fadeOut(index: number, length: number): number {
  const fade = Math.round(0.05 * SAMPLE_RATE)
  return Math.min(1, (length - 1 - index) / fade)
}

/** 16-bit mono PCM in a RIFF/WAVE container. */
export function encodeWav(samples: Float32Array, sampleRate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2)
  samples.forEach((sample, i) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, sample)) * 32767), i * 2),
  )
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16) // fmt chunk size
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(sampleRate, 24)
  header.writeUInt32LE(sampleRate * 2, 28) // byte rate
  header.writeUInt16LE(2, 32) // block align
  header.writeUInt16LE(16, 34) // bits per sample
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}
