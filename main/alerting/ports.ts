// The small interfaces the alerting module owns. Electron implements them in
// main/notifications (the ringtone page), main/window (the call window's attention)
// and main/dnd (the operating system's Do Not Disturb); tests record what happened.
import type { AudioOutput, AudioOutputChoice } from '../../common/ipc-contract'

/** `call-waiting`: the short, soft tone for a call that rings while the agent is on one. */
export type RingTone = 'ring' | 'call-waiting'

export interface RingRequest {
  tone: RingTone
  /** 0…1 */
  volume: number
  /** null: the system default output. */
  ringOn: AudioOutputChoice | null
  alsoRingOn: AudioOutputChoice | null
}

/** Where the ringtone page played (its `sound:playing` report). */
export interface PlaybackReport {
  /** The chosen output was there (true when none was chosen). */
  chosenPresent: boolean
  /** The chosen output was missing: the system default played instead. */
  fellBack: boolean
  /** The output ids it plays on ("" is the system default). */
  sinks: string[]
}

export interface Ringtone {
  /** Starts ringing; a different request restarts the player with it. */
  start(request: RingRequest): void
  stop(): void
  /** The outputs the ringtone page can play on; empty when it cannot tell. */
  listOutputs(): Promise<AudioOutput[]>
  /** Plays once for `durationMs` (the self-test); null when the page never said where. */
  playFor(request: RingRequest, durationMs: number): Promise<PlaybackReport | null>
}

/** Getting the agent's eyes on a call that keeps ringing. */
export interface Attention {
  /** Flash the taskbar button (an urgency hint on Linux) or bounce the Dock icon. */
  flash(): void
  /** Show the call window above others without taking the keyboard focus. */
  showOnTop(): void
  /** Undo both once the call stops ringing. */
  calm(): void
}

export interface DndReading {
  /** Focus Assist, Focus, GNOME's banners off, KDE's inhibition: toasts are held back. */
  doNotDisturb: boolean
  /** The OS blocks Call Tray's notifications altogether (where that can be read). */
  notificationsBlocked: boolean
}

export interface DndProbe {
  /** Never rejects: what cannot be read is reported as not set. */
  read(): Promise<DndReading>
}

export const NO_DND: DndReading = { doNotDisturb: false, notificationsBlocked: false }
