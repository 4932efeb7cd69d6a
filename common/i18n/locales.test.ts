import { describe, expect, it } from 'vitest'
import { chooseLocale, matchLocale, textDirection } from './locales'
import { localeFromEnvironment } from './posix-locale'

describe('matchLocale', () => {
  it('takes the first preferred language Call Tray speaks', () => {
    expect(matchLocale(['ja-JP', 'de-AT', 'en-US'])).toBe('de')
    expect(matchLocale(['pt-PT'])).toBe('pt-BR')
    expect(matchLocale(['es-419'])).toBe('es')
    expect(matchLocale(['fr_CA'])).toBe('fr')
    expect(matchLocale(['en-XA'])).toBe('en-XA')
  })

  it('falls back to English for languages it does not speak or tags it cannot read', () => {
    expect(matchLocale(['ja', 'not a tag!'])).toBe('en')
    expect(matchLocale([])).toBe('en')
  })

  it('lays out the RTL pseudo-locale right to left', () => {
    expect(textDirection('ar-XB')).toBe('rtl')
    expect(textDirection('de')).toBe('ltr')
  })
})

describe('localeFromEnvironment', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8' })).toBe('de')
    expect(localeFromEnvironment({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'fr_FR.UTF-8' })).toBe('fr')
    expect(localeFromEnvironment({ LC_ALL: 'pt_BR.UTF-8', LC_MESSAGES: 'fr_FR' })).toBe('pt-BR')
    expect(localeFromEnvironment({ LANG: 'es_MX.UTF-8@euro' })).toBe('es')
  })

  it('speaks English under C, POSIX or no locale, whatever LANGUAGE says', () => {
    expect(localeFromEnvironment({ LANG: 'C', LANGUAGE: 'de' })).toBe('en')
    expect(localeFromEnvironment({ LC_ALL: 'POSIX' })).toBe('en')
    expect(localeFromEnvironment({ LANGUAGE: 'de' })).toBe('en')
  })

  it('lets LANGUAGE pick among languages as gettext does', () => {
    expect(localeFromEnvironment({ LANG: 'en_US.UTF-8', LANGUAGE: 'ja:fr:de' })).toBe('fr')
  })
})

describe('chooseLocale', () => {
  it('lets the Language setting win, and follows the system only for "system"', () => {
    expect(chooseLocale('es', ['de-DE'])).toBe('es')
    expect(chooseLocale('system', ['de-DE'])).toBe('de')
    expect(chooseLocale('system', [])).toBe('en')
  })
})
