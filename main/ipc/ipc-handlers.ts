// Registers a handler for every invoke channel of the contract, under the contract's
// names and types (after GitHub Desktop's ipc-shared). Each call is checked twice
// before it reaches the app: the sender must be our window, and the arguments must
// parse with the contract's schemas.
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ZodType } from 'zod'
import type { InvokeChannels } from '../../common/ipc-contract'
import type { Logger } from '../app/logger'
import {
  describeInvalidArguments,
  invokeArgumentSchemas,
  type InvokeArguments,
} from './ipc-schemas'
import { isTrustedSender } from './sender-check'

export type InvokeHandlers = {
  [C in keyof InvokeChannels]: (
    ...args: InvokeArguments<C>
  ) => ReturnType<InvokeChannels[C]> | Promise<ReturnType<InvokeChannels[C]>>
}

export interface IpcRegistration {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  handlers: InvokeHandlers
  /** Our window's WebContents (null while it has none). */
  windowContents(): unknown
  isOurPage(url: string): boolean
  logger: Logger
}

/** What a refused call rejects with; the renderer treats it like any failed call. */
export const REFUSED = 'Call Tray refused this request.'

export function registerIpcHandlers(registration: IpcRegistration): () => void {
  const channels = Object.keys(invokeArgumentSchemas) as (keyof InvokeChannels)[]
  for (const channel of channels) register(registration, channel)
  return () => {
    for (const channel of channels) registration.ipcMain.removeHandler(channel)
  }
}

function register<C extends keyof InvokeChannels>(registration: IpcRegistration, channel: C): void {
  const { handlers, logger } = registration
  registration.ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const trusted = isTrustedSender(event, {
      webContents: registration.windowContents(),
      isOurPage: registration.isOurPage,
    })
    if (!trusted) {
      logger.warn(`Refused ${channel} from a page that is not the call window.`)
      throw new Error(REFUSED)
    }
    const schema: ZodType<InvokeArguments<C>> = invokeArgumentSchemas[channel]
    const parsed = schema.safeParse(args)
    if (!parsed.success) {
      logger.warn(
        `Refused ${channel} with invalid arguments (${describeInvalidArguments(parsed.error)}).`,
      )
      throw new Error(REFUSED)
    }
    const handler = handlers[channel] as (...args: InvokeArguments<C>) => unknown
    return await handler(...parsed.data)
  })
}
