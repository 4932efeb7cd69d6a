// The self-test's two questions (the tray's and the settings' "Test ring"): does the
// ringtone play on the chosen output(s), and is the output calls ring on connected?
import { findOutput } from '../../common/audio-outputs'
import { describeError } from '../app/logger'
import type { Settings } from '../settings/settings-types'
import { ringVolume } from './alert-policy'
import type { Ringtone } from './ports'

export interface RingCheck {
  ok: boolean
  detail: string
}

export interface RingerStatus {
  present: boolean
  detail: string
}

type DeviceSettings = Pick<Settings, 'ringtone' | 'ringOn' | 'alsoRingOn'>

/** A test ring is short; a caller asking for more gets this much. */
export const LONGEST_TEST_RING_MS = 30_000

export async function testRing(
  ringtone: Ringtone,
  settings: DeviceSettings,
  durationMs: number,
): Promise<RingCheck> {
  if (!Number.isFinite(durationMs) || durationMs <= 0) {
    return { ok: false, detail: 'A test ring needs a duration above zero.' }
  }
  // A call would ring silently: that is what the test has to tell.
  if (!settings.ringtone.enabled || ringVolume(settings) === 0) {
    return { ok: false, detail: 'The ringtone is off or its volume is 0.' }
  }
  const request = {
    tone: 'ring' as const,
    volume: ringVolume(settings),
    ringOn: settings.ringOn,
    alsoRingOn: settings.alsoRingOn,
  }
  try {
    const report = await ringtone.playFor(request, Math.min(durationMs, LONGEST_TEST_RING_MS))
    if (!report) return { ok: false, detail: 'The ringtone page did not start playing.' }
    if (report.fellBack && settings.ringOn) {
      return {
        ok: false,
        detail: `“${settings.ringOn.label}” is not connected: the test rang on the system default output.`,
      }
    }
    return { ok: true, detail: `The test rang on ${placesOf(settings)}.` }
  } catch (error) {
    return { ok: false, detail: `The ringtone could not play: ${describeError(error)}` }
  }
}

export async function ringerDeviceStatus(
  ringtone: Ringtone,
  settings: DeviceSettings,
): Promise<RingerStatus> {
  let outputs
  try {
    outputs = await ringtone.listOutputs()
  } catch (error) {
    return {
      present: false,
      detail: `The audio outputs could not be listed: ${describeError(error)}`,
    }
  }
  if (outputs.length === 0) return { present: false, detail: 'No audio output was found.' }
  const choice = settings.ringOn
  if (!choice) return { present: true, detail: 'Calls ring on the system default output.' }
  const found = findOutput(outputs, choice)
  return found
    ? { present: true, detail: `Calls ring on “${found.label}”.` }
    : {
        present: false,
        detail: `“${choice.label}” is not connected: calls ring on the system default output.`,
      }
}

function placesOf(settings: DeviceSettings): string {
  const first = settings.ringOn ? `“${settings.ringOn.label}”` : 'the system default output'
  return settings.alsoRingOn ? `${first} and “${settings.alsoRingOn.label}”` : first
}
