// The arguments every invoke channel accepts, parsed with the contract's own schemas
// before a handler sees them. The mapped type makes a new channel in the contract a
// compile error here until its arguments have a schema.
import { z } from 'zod'
import {
  callIdSchema,
  pauseMinutesSchema,
  settingsPatchSchema,
  signInInputSchema,
  type InvokeChannels,
} from '../../common/ipc-contract'

export type InvokeArguments<C extends keyof InvokeChannels> = Parameters<InvokeChannels[C]>

export const invokeArgumentSchemas: { [C in keyof InvokeChannels]: z.ZodType<InvokeArguments<C>> } =
  {
    'state:get': z.tuple([]),
    'auth:sign-in': z.tuple([signInInputSchema]),
    'auth:sign-out': z.tuple([]),
    'call:decline': z.tuple([callIdSchema]),
    'app:open-rocket-chat': z.tuple([]),
    'call:open-rocket-chat': z.tuple([callIdSchema]),
    'notifications:pause': z.tuple([pauseMinutesSchema]),
    'notifications:resume': z.tuple([]),
    'settings:update': z.tuple([settingsPatchSchema]),
    'ringer:list-outputs': z.tuple([]),
    'app:open-notification-settings': z.tuple([]),
    'self-test:run': z.tuple([]),
  }

/** Where the arguments were wrong, never what they were (they can hold a password). */
export function describeInvalidArguments(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.code}`)
    .join('; ')
}
