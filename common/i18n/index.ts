// The language this process speaks right now. Main sets it from the system's
// preferred languages and the Language setting, the renderer from what main sends,
// the headless runner from LANG and friends; everything that words a sentence reads it.
import type { ArgsFor, MessageKey } from './catalog'
import { DEFAULT_LOCALE, type LocaleCode } from './locales'
import { createTranslator, type Translator } from './translator'

let active: Translator = createTranslator(DEFAULT_LOCALE)

export function setLocale(locale: LocaleCode): void {
  if (active.locale !== locale) active = createTranslator(locale)
}

export const currentLocale = (): LocaleCode => active.locale

export function t<K extends MessageKey>(key: K, ...values: ArgsFor<K>): string {
  return active.t(key, ...values)
}

export const clockTime = (epochMs: number, now: number): string => active.clockTime(epochMs, now)

export const listText = (items: readonly string[]): string => active.list(items)

export type { LocaleCode } from './locales'
