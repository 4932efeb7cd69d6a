// The window speaks the language main chose: the catalog for the text, `lang` for
// screen readers and hyphenation, `dir` for right-to-left layouts.
import { setLocale } from '../../common/i18n'
import { textDirection, type LocaleCode } from '../../common/i18n/locales'

export function applyLocale(locale: LocaleCode): void {
  setLocale(locale)
  const root = document.documentElement
  if (root.lang !== locale) root.lang = locale
  const dir = textDirection(locale)
  if (root.dir !== dir) root.dir = dir
}
