// The self-test's two questions (the tray's and the settings' "Test ring"): does the
// ringtone play on the chosen output(s), and is the output calls ring on connected?
import { findOutput } from '../../common/audio-outputs'
import { t } from '../../common/i18n'
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
    return { ok: false, detail: t('ringCheck.noDuration') }
  }
  // A call would ring silently: that is what the test has to tell.
  if (!settings.ringtone.enabled || ringVolume(settings) === 0) {
    return { ok: false, detail: t('ringCheck.silent') }
  }
  const request = {
    tone: 'ring' as const,
    volume: ringVolume(settings),
    ringOn: settings.ringOn,
    alsoRingOn: settings.alsoRingOn,
  }
  try {
    const report = await ringtone.playFor(request, Math.min(durationMs, LONGEST_TEST_RING_MS))
    if (!report) return { ok: false, detail: t('ringCheck.didNotStart') }
    if (report.fellBack && settings.ringOn) {
      return {
        ok: false,
        detail: t('ringCheck.fellBack', { output: settings.ringOn.label }),
      }
    }
    return { ok: true, detail: rangOn(settings) }
  } catch (error) {
    return { ok: false, detail: t('ringCheck.couldNotPlay', { error: describeError(error) }) }
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
      detail: t('ringCheck.outputsUnlisted', { error: describeError(error) }),
    }
  }
  if (outputs.length === 0) return { present: false, detail: t('ringCheck.noOutput') }
  const choice = settings.ringOn
  if (!choice) return { present: true, detail: t('ringCheck.ringsOnDefault') }
  const found = findOutput(outputs, choice)
  return found
    ? { present: true, detail: t('ringCheck.ringsOn', { output: found.label }) }
    : {
        present: false,
        detail: t('ringCheck.disconnected', { output: choice.label }),
      }
}

/** One whole sentence per combination: the outputs' grammar differs between languages. */
function rangOn({ ringOn, alsoRingOn }: DeviceSettings): string {
  if (ringOn && alsoRingOn) {
    return t('ringCheck.rangOnBoth', { output: ringOn.label, also: alsoRingOn.label })
  }
  if (ringOn) return t('ringCheck.rangOn', { output: ringOn.label })
  if (alsoRingOn) return t('ringCheck.rangOnDefaultAnd', { also: alsoRingOn.label })
  return t('ringCheck.rangOnDefault')
}
