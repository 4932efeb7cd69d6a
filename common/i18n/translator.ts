// One translator per language: formats a catalog message with its values through
// intl-messageformat (ICU plurals and placeholders), and Intl for clock times.
import { IntlMessageFormat } from 'intl-messageformat'
import type { ArgsFor, Catalog, MessageKey } from './catalog'
import { CATALOGS } from './catalogs'
import { DEFAULT_LOCALE, type LocaleCode } from './locales'
import { pseudoMessage, type PseudoLocale } from './pseudo'

export interface Translator {
  readonly locale: LocaleCode
  t<K extends MessageKey>(key: K, ...values: ArgsFor<K>): string
  /** "14:30" today, "Sat 09:00" on another day (a pause can last 24 h). */
  clockTime(epochMs: number, now: number): string
  /** "a, b and c" in the language's own words. */
  list(items: readonly string[]): string
}

/** The locale whose number and date rules a pseudo-locale borrows. */
const FORMAT_LOCALE: Record<PseudoLocale, string> = { 'en-XA': 'en', 'ar-XB': 'en' }

const isPseudo = (locale: LocaleCode): locale is PseudoLocale => locale in FORMAT_LOCALE

export function createTranslator(locale: LocaleCode): Translator {
  const formatLocale = isPseudo(locale) ? FORMAT_LOCALE[locale] : locale
  const catalog: Catalog = isPseudo(locale) ? CATALOGS[DEFAULT_LOCALE] : CATALOGS[locale]
  const compiled = new Map<MessageKey, IntlMessageFormat>()
  const message = (key: MessageKey): IntlMessageFormat => {
    let format = compiled.get(key)
    if (!format) {
      const source = isPseudo(locale) ? pseudoMessage(catalog[key], locale) : catalog[key]
      format = new IntlMessageFormat(source, formatLocale)
      compiled.set(key, format)
    }
    return format
  }
  // English follows the system's regional formats (24-hour clock or not); the others their own.
  const dateLocale = formatLocale === 'en' ? undefined : formatLocale
  const time = new Intl.DateTimeFormat(dateLocale, { hour: 'numeric', minute: '2-digit' })
  const dayTime = new Intl.DateTimeFormat(dateLocale, {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  })
  // Call Tray's English is written without the serial comma ("a, b and c"), as en-GB lists.
  const listLocale = formatLocale === 'en' ? 'en-GB' : formatLocale
  const conjunction = new Intl.ListFormat(listLocale, { type: 'conjunction' })
  return {
    locale,
    t: (key, ...values) => String(message(key).format(values[0])),
    clockTime(epochMs, now) {
      const at = new Date(epochMs)
      return at.toDateString() === new Date(now).toDateString()
        ? time.format(at)
        : dayTime.format(at)
    },
    list: (items) => conjunction.format(items),
  }
}
