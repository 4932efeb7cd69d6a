import { describe, expect, it } from 'vitest'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { RecordingLogger, signedInState } from '../../test/support/app-fakes'
import { registerIpcHandlers, REFUSED, type InvokeHandlers } from './ipc-handlers'
import { invokeArgumentSchemas } from './ipc-schemas'

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>

function setup() {
  const registered = new Map<string, Listener>()
  const ipcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeHandler: (channel: string) => registered.delete(channel),
  } as unknown as Pick<IpcMain, 'handle' | 'removeHandler'>
  const calls: unknown[][] = []
  const record =
    <T>(name: string, answer: T) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
      return answer
    }
  const handlers: InvokeHandlers = {
    'state:get': record('state:get', signedInState()),
    'auth:sign-in': record('auth:sign-in', { ok: true } as const),
    'auth:sign-out': record('auth:sign-out', undefined),
    'call:decline': record('call:decline', { ok: true } as const),
    'app:open-rocket-chat': record('app:open-rocket-chat', undefined),
    'notifications:pause': record('notifications:pause', undefined),
    'notifications:resume': record('notifications:resume', undefined),
    'settings:update': record('settings:update', { ok: true } as const),
    'call:open-rocket-chat': record('call:open-rocket-chat', undefined),
    'ringer:list-outputs': record('ringer:list-outputs', []),
    'app:open-notification-settings': record('app:open-notification-settings', undefined),
    'self-test:run': record('self-test:run', undefined),
  }
  const contents = {}
  const logger = new RecordingLogger()
  const unregister = registerIpcHandlers({
    ipcMain,
    handlers,
    windowContents: () => contents,
    isOurPage: (url) => url === 'file:///app/out/renderer/index.html',
    logger,
  })
  const ourEvent = {
    sender: contents,
    senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null },
  } as unknown as IpcMainInvokeEvent
  const invoke = (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const listener = registered.get(channel)
    if (!listener) throw new Error(`no handler for ${channel}`)
    return listener(event, ...args)
  }
  return { registered, calls, logger, ourEvent, invoke, unregister }
}

describe('registerIpcHandlers', () => {
  it('registers every channel of the contract, and removes them again', () => {
    const { registered, unregister } = setup()
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeArgumentSchemas).sort())
    unregister()
    expect(registered.size).toBe(0)
  })

  it('passes parsed arguments from our window to the handler', async () => {
    const { invoke, ourEvent, calls } = setup()
    expect(await invoke('call:decline', ourEvent, 'call-1')).toEqual({ ok: true })
    await invoke('notifications:pause', ourEvent, 15)
    await invoke('notifications:pause', ourEvent, null)
    await invoke('auth:sign-in', ourEvent, {
      method: 'token',
      serverUrl: ' chat.example.com ',
      userId: 'u',
      authToken: 't',
    })
    expect(calls).toEqual([
      ['call:decline', 'call-1'],
      ['notifications:pause', 15],
      ['notifications:pause', null],
      [
        'auth:sign-in',
        { method: 'token', serverUrl: 'chat.example.com', userId: 'u', authToken: 't' },
      ],
    ])
  })

  it('refuses calls from anything but our window', async () => {
    const { invoke, calls, logger } = setup()
    const stranger = {
      sender: {},
      senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null },
    } as unknown as IpcMainInvokeEvent
    await expect(invoke('state:get', stranger)).rejects.toThrow(REFUSED)
    const elsewhere = {
      sender: undefined,
      senderFrame: { url: 'https://evil.example.com/', parent: null },
    } as unknown as IpcMainInvokeEvent
    await expect(invoke('state:get', elsewhere)).rejects.toThrow(REFUSED)
    expect(calls).toEqual([])
    expect(logger.lines[0]).toBe('warn Refused state:get from a page that is not the call window.')
  })

  it('refuses invalid arguments without logging them', async () => {
    const { invoke, ourEvent, calls, logger } = setup()
    await expect(invoke('call:decline', ourEvent, 42)).rejects.toThrow(REFUSED)
    await expect(invoke('notifications:pause', ourEvent, 1.5)).rejects.toThrow(REFUSED)
    await expect(invoke('state:get', ourEvent, 'extra')).rejects.toThrow(REFUSED)
    await expect(
      invoke(
        'auth:sign-in',
        ourEvent,
        {
          method: 'password',
          serverUrl: 'x',
          user: 'u',
          password: 'hunter2',
          extra: { __proto__: 1 },
        },
        'second',
      ),
    ).rejects.toThrow(REFUSED)
    expect(calls).toEqual([])
    expect(logger.lines.join('\n')).not.toContain('hunter2')
  })

  it('passes a settings patch from our window, and refuses it from anywhere else', async () => {
    const { invoke, ourEvent, calls } = setup()
    const stranger = {
      sender: {},
      senderFrame: { url: 'file:///app/out/renderer/index.html', parent: null },
    } as unknown as IpcMainInvokeEvent
    await expect(invoke('settings:update', stranger, { startAtLogin: true })).rejects.toThrow(
      REFUSED,
    )
    expect(await invoke('settings:update', ourEvent, { pollFloorSeconds: 10 })).toEqual({
      ok: true,
    })
    await invoke('settings:update', ourEvent, { ringtone: { enabled: false, volume: 0.5 } })
    expect(calls).toEqual([
      ['settings:update', { pollFloorSeconds: 10 }],
      ['settings:update', { ringtone: { enabled: false, volume: 0.5 } }],
    ])
  })

  it.each([
    ['no patch', []],
    ['two patches', [{}, {}]],
    ['not an object', ['startAtLogin']],
    ['a setting the window may not change', [{ serverUrl: 'https://evil.example.com' }]],
    ['a pause', [{ pause: { until: null } }]],
    ['an unknown key', [{ theme: 'dark' }]],
    ['a string for a switch', [{ startAtLogin: 'yes' }]],
    ['a volume above 1', [{ ringtone: { enabled: true, volume: 1.5 } }]],
    ['a negative volume', [{ ringtone: { enabled: true, volume: -0.1 } }]],
    ['half a ringtone', [{ ringtone: { enabled: true } }]],
    ['an extra ringtone field', [{ ringtone: { enabled: true, volume: 1, file: '/etc' } }]],
    ['a poll floor below 1', [{ pollFloorSeconds: 0 }]],
    ['a poll floor above 60', [{ pollFloorSeconds: 61 }]],
    ['a fractional poll floor', [{ pollFloorSeconds: 2.5 }]],
  ])('refuses a settings update with %s', async (_name, args) => {
    const { invoke, ourEvent, calls } = setup()
    await expect(invoke('settings:update', ourEvent, ...args)).rejects.toThrow(REFUSED)
    expect(calls).toEqual([])
  })
})
