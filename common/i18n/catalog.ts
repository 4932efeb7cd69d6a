// What a catalog is: the English keys, each with its own placeholders. Other
// languages are declared through `translation()`, which rejects a missing key or a
// placeholder that differs from the English one at compile time.
import { en, type EnglishCatalog } from './en'
import type { MessageArgs, TranslationOf } from './message-args'

export type MessageKey = keyof EnglishCatalog
export type Catalog = Readonly<Record<MessageKey, string>>

export type MessageValues<K extends MessageKey> = Record<
  MessageArgs<EnglishCatalog[K]>,
  string | number
>

/** The values a message needs: none for a plain sentence, all of its placeholders otherwise. */
export type ArgsFor<K extends MessageKey> = [MessageArgs<EnglishCatalog[K]>] extends [never]
  ? []
  : [values: MessageValues<K>]

export function translation<const T extends Catalog>(
  messages: T & TranslationOf<EnglishCatalog, T>,
): Catalog {
  return messages
}

export const english: Catalog = en
