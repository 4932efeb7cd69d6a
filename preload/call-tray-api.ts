// `window.callTray`: named functions built from the contract's channel names. The
// renderer never gets ipcRenderer, a channel name, or an IPC event (whose `sender`
// would hand it ipcRenderer back).
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { CallTrayApi, InvokeChannels, PushChannels } from '../common/ipc-contract'

export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createCallTrayApi(ipc: IpcRendererPort): CallTrayApi {
  const invoke = <C extends keyof InvokeChannels>(
    channel: C,
    ...args: Parameters<InvokeChannels[C]>
  ): Promise<ReturnType<InvokeChannels[C]>> =>
    ipc.invoke(channel, ...args) as Promise<ReturnType<InvokeChannels[C]>>

  const subscribe = <C extends keyof PushChannels>(
    channel: C,
    listener: (payload: PushChannels[C]) => void,
  ): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: PushChannels[C]) => listener(payload)
    ipc.on(channel, forward)
    return () => {
      ipc.removeListener(channel, forward)
    }
  }

  return {
    getState: () => invoke('state:get'),
    onState: (listener) => subscribe('state:changed', listener),
    onFocusCall: (listener) => subscribe('call:focus', listener),
    signIn: (input) => invoke('auth:sign-in', input),
    signOut: () => invoke('auth:sign-out'),
    declineCall: (callId) => invoke('call:decline', callId),
    openRocketChat: () => invoke('app:open-rocket-chat'),
    openRocketChatFor: (callId) => invoke('call:open-rocket-chat', callId),
    pauseNotifications: (minutes) => invoke('notifications:pause', minutes),
    resumeNotifications: () => invoke('notifications:resume'),
    updateSettings: (patch) => invoke('settings:update', patch),
    listAudioOutputs: () => invoke('ringer:list-outputs'),
    openNotificationSettings: () => invoke('app:open-notification-settings'),
    runSelfTest: () => invoke('self-test:run'),
  }
}
