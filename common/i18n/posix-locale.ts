// The language a command-line program speaks, by the POSIX rules: LC_ALL, then
// LC_MESSAGES, then LANG name the locale; "C"/"POSIX" mean untranslated (English);
// otherwise GNU's LANGUAGE list ("de:fr") takes precedence, as gettext does.
import { matchLocale, type LocaleCode } from './locales'

export type LocaleEnvironment = Partial<
  Record<'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'LANGUAGE', string>
>

export function localeFromEnvironment(env: LocaleEnvironment): LocaleCode {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value) ?? ''
  const base = posixTag(locale)
  // Unset is the C locale too, and gettext ignores LANGUAGE under it.
  if (base === '' || base === 'C' || base === 'POSIX') return 'en'
  const languages = (env.LANGUAGE ?? '').split(':').map(posixTag).filter(Boolean)
  return matchLocale([...languages, base])
}

/** de_DE.UTF-8@euro → de-DE; C.UTF-8 → C. */
function posixTag(value: string): string {
  return value.split('.')[0]?.split('@')[0]?.replace('_', '-') ?? ''
}
