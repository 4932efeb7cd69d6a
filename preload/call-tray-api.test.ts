import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { signedInState } from '../test/support/app-fakes'
import { createCallTrayApi, type IpcRendererPort } from './call-tray-api'

function fakeIpc() {
  const invoked: unknown[][] = []
  const emitter = new EventEmitter()
  const ipc = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, ...args])
      return `answer to ${channel}`
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      emitter.removeListener(channel, listener),
  } as unknown as IpcRendererPort
  return { ipc, invoked, emitter }
}

describe('createCallTrayApi', () => {
  it('exposes only the named functions of CallTrayApi', () => {
    const api = createCallTrayApi(fakeIpc().ipc)
    expect(Object.keys(api).sort()).toEqual([
      'declineCall',
      'getState',
      'listAudioOutputs',
      'onFocusCall',
      'onState',
      'openNotificationSettings',
      'openRocketChat',
      'openRocketChatFor',
      'pauseNotifications',
      'resumeNotifications',
      'runSelfTest',
      'signIn',
      'signOut',
      'updateSettings',
    ])
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('invokes the contract channels with the arguments', async () => {
    const { ipc, invoked } = fakeIpc()
    const api = createCallTrayApi(ipc)
    expect(await api.getState()).toBe('answer to state:get')
    await api.declineCall('call-1')
    await api.pauseNotifications(null)
    await api.signIn({ method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' })
    await api.signOut()
    await api.openRocketChat()
    await api.resumeNotifications()
    await api.updateSettings({ startAtLogin: true })
    await api.runSelfTest()
    expect(invoked).toEqual([
      ['state:get'],
      ['call:decline', 'call-1'],
      ['notifications:pause', null],
      ['auth:sign-in', { method: 'token', serverUrl: 'x', userId: 'u', authToken: 't' }],
      ['auth:sign-out'],
      ['app:open-rocket-chat'],
      ['notifications:resume'],
      ['settings:update', { startAtLogin: true }],
      ['self-test:run'],
    ])
  })

  it('hands pushes to the listener without the IPC event, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpc()
    const api = createCallTrayApi(ipc)
    const received: unknown[][] = []
    const stop = api.onState((...args) => received.push(args))
    const state = signedInState()
    emitter.emit('state:changed', { sender: 'ipcRenderer itself' }, state)
    expect(received).toEqual([[state]])
    stop()
    emitter.emit('state:changed', {}, state)
    expect(received).toHaveLength(1)
    expect(emitter.listenerCount('state:changed')).toBe(0)
  })
})
