// The languages Call Tray speaks and how a preference list picks one of them.
export const SHIPPED_LOCALES = ['en', 'pt-BR', 'es', 'de', 'fr'] as const
/** Test-only: accented and bracketed English (en-XA), mirrored right-to-left English (ar-XB). */
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const

export type ShippedLocale = (typeof SHIPPED_LOCALES)[number]
export type LocaleCode = ShippedLocale | (typeof PSEUDO_LOCALES)[number]

export const DEFAULT_LOCALE: ShippedLocale = 'en'

/** The Language setting: follow the system, or one shipped language whatever the system says. */
export const LANGUAGE_CHOICES = ['system', ...SHIPPED_LOCALES] as const
export type LanguageSetting = (typeof LANGUAGE_CHOICES)[number]

/** Each language by its own name, as the Language setting lists it. */
export const LOCALE_NAMES: Record<ShippedLocale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  de: 'Deutsch',
  fr: 'Français',
}

const ALL: readonly LocaleCode[] = [...SHIPPED_LOCALES, ...PSEUDO_LOCALES]

export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (ALL as readonly string[]).includes(value)
}

/**
 * The first preferred language Call Tray speaks: an exact tag first (pt-BR, en-XA),
 * then the language alone (de-AT → de, pt-PT → pt-BR, es-419 → es). English otherwise.
 */
export function matchLocale(preferred: readonly string[]): LocaleCode {
  for (const raw of preferred) {
    const tag = canonical(raw)
    if (!tag) continue
    const exact = ALL.find((code) => code.toLowerCase() === tag.toLowerCase())
    if (exact) return exact
    const language = tag.split('-')[0]?.toLowerCase()
    const sameLanguage = SHIPPED_LOCALES.find((code) => code.split('-')[0] === language)
    if (sameLanguage) return sameLanguage
  }
  return DEFAULT_LOCALE
}

/** The Language setting wins; 'system' follows the preferred languages as `matchLocale` does. */
export function chooseLocale(
  setting: LanguageSetting,
  systemLanguages: readonly string[],
): LocaleCode {
  return setting === 'system' ? matchLocale(systemLanguages) : setting
}

export function textDirection(locale: LocaleCode): 'ltr' | 'rtl' {
  return locale === 'ar-XB' ? 'rtl' : 'ltr'
}

function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] ?? null
  } catch {
    return null
  }
}
