// Stands in for the preload's `window.callTray` in the browser. Bundled in
// global setup and injected before the page loads; tests drive it through
// `window.__callTray` (push states, answer held requests, read what was called).
import type {
  ActionResult,
  AppState,
  CallTrayApi,
  SignInResult,
} from '../../../common/ipc-contract'

export type ApiMethod = keyof CallTrayApi

export interface RecordedCall {
  method: ApiMethod
  args: unknown[]
}

/** Requests whose answer the test decides; they wait until `reply` is called. */
export interface HeldReplies {
  signIn: SignInResult
  declineCall: ActionResult
  updateSettings: ActionResult
}

/** One answer to a held request, e.g. `{ method: 'signIn', value: { ok: true } }`. */
export type HeldReply = {
  [M in keyof HeldReplies]: { method: M; value: HeldReplies[M] }
}[keyof HeldReplies]

export interface StandInControl {
  calls: RecordedCall[]
  push(state: AppState): void
  reply(held: HeldReply): void
  /** What main pushes when the global shortcut is pressed. */
  focusCall(callId: string): void
  pending(method: keyof HeldReplies): number
}

declare global {
  interface Window {
    __callTray: StandInControl
  }
}

type Queues = { [M in keyof HeldReplies]: HeldReplies[M][] }
type Waiters = { [M in keyof HeldReplies]: ((value: HeldReplies[M]) => void)[] }

export function installCallTrayStandIn(initial: AppState): void {
  let state = initial
  const listeners = new Set<(state: AppState) => void>()
  const focusListeners = new Set<(callId: string) => void>()
  const calls: RecordedCall[] = []
  const queued: Queues = { signIn: [], declineCall: [], updateSettings: [] }
  const waiting: Waiters = { signIn: [], declineCall: [], updateSettings: [] }

  // Copies, as IPC would make: the page never shares objects with the test.
  const record = (method: ApiMethod, ...args: unknown[]): void => {
    calls.push({ method, args: structuredClone(args) })
  }

  function held<M extends keyof HeldReplies>(method: M): Promise<HeldReplies[M]> {
    const ready = queued[method].shift()
    if (ready !== undefined) return Promise.resolve(ready)
    return new Promise((resolve) => waiting[method].push(resolve))
  }

  function answer<M extends keyof HeldReplies>(method: M, value: HeldReplies[M]): void {
    const resolve = waiting[method].shift()
    if (resolve) resolve(value)
    else queued[method].push(value)
  }

  const api: CallTrayApi = {
    async getState() {
      record('getState')
      return structuredClone(state)
    },
    onState(listener) {
      record('onState')
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    signIn(input) {
      record('signIn', input)
      return held('signIn')
    },
    async signOut() {
      record('signOut')
    },
    declineCall(callId) {
      record('declineCall', callId)
      return held('declineCall')
    },
    async openRocketChat() {
      record('openRocketChat')
    },
    async openRocketChatFor(callId) {
      record('openRocketChatFor', callId)
    },
    onFocusCall(listener) {
      focusListeners.add(listener)
      return () => focusListeners.delete(listener)
    },
    async listAudioOutputs() {
      return [
        { deviceId: 'headset-1', label: 'Jabra Evolve2 65' },
        { deviceId: 'speakers-1', label: 'Speakers (Realtek Audio)' },
      ]
    },
    async openNotificationSettings() {
      record('openNotificationSettings')
    },
    async pauseNotifications(minutes) {
      record('pauseNotifications', minutes)
    },
    async resumeNotifications() {
      record('resumeNotifications')
    },
    updateSettings(patch) {
      record('updateSettings', patch)
      return held('updateSettings')
    },
    async runSelfTest() {
      record('runSelfTest')
    },
  }

  // contextBridge exposes a frozen, read-only object; so does this.
  Object.defineProperty(window, 'callTray', { value: Object.freeze(api), enumerable: true })
  window.__callTray = {
    calls,
    push(next) {
      state = next
      for (const listener of listeners) listener(structuredClone(next))
    },
    reply(held) {
      answer(held.method, held.value)
    },
    focusCall(callId) {
      for (const listener of focusListeners) listener(callId)
    },
    pending: (method) => waiting[method].length,
  }
}
