import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { CATALOGS } from './catalogs'
import { en } from './en'
import { SHIPPED_LOCALES } from './locales'
import { createTranslator } from './translator'

type Element = ReturnType<IntlMessageFormat['getAst']>[number]

/** Every placeholder name in a parsed message, plural branches included. */
function argumentNames(elements: Element[]): string[] {
  return elements.flatMap((element) => {
    const own = 'value' in element && element.type !== 0 ? [String(element.value)] : []
    const nested =
      'options' in element
        ? Object.values(element.options as Record<string, { value: Element[] }>).flatMap((o) =>
            argumentNames(o.value),
          )
        : []
    return [...own, ...nested]
  })
}

const namesOf = (message: string, locale: string): string[] =>
  [...new Set(argumentNames(new IntlMessageFormat(message, locale).getAst()))].sort()

describe('message catalogs', () => {
  for (const locale of SHIPPED_LOCALES) {
    it(`${locale} has every English key, each parsing with the English placeholders`, () => {
      const catalog = CATALOGS[locale]
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort())
      for (const [key, english] of Object.entries(en)) {
        const message = catalog[key as keyof typeof en]
        expect(namesOf(message, locale), `${locale} ${key}`).toEqual(namesOf(english, 'en'))
      }
    })
  }

  it('plurals follow each language', () => {
    expect(createTranslator('en').t('notify.summaryTitle', { count: 1 })).toBe(
      '1 more call ringing',
    )
    expect(createTranslator('de').t('notify.summaryTitle', { count: 3 })).toBe(
      '3 weitere Anrufe klingeln',
    )
    expect(createTranslator('fr').t('selfTest.problems', { count: 1 })).toBe('1 problème détecté.')
  })

  it('pseudo-locales mark every message and keep its placeholders', () => {
    const accented = createTranslator('en-XA').t('notify.missedTitle', { name: 'Ana' })
    expect(accented).toBe('⟦Mîššéð çåļļ ƒŕöɱ Ana⟧')
    const mirrored = createTranslator('ar-XB').t('calls.decline')
    expect(mirrored).toBe('\u202eDecline\u202c')
  })

  it('lists read as each language writes them', () => {
    expect(createTranslator('en').list(['a', 'b', 'c'])).toBe('a, b and c')
    expect(createTranslator('es').list(['a', 'b'])).toBe('a y b')
  })
})
