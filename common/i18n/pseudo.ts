// Pseudo-locales for tests: every translated string is visibly marked, so a string
// that skipped the catalog stands out on screen and in assertions. Only the literal
// text of a message changes; placeholders, plurals and `#` stay as they are.
import { IntlMessageFormat } from 'intl-messageformat'

type MessageFormatElement = ReturnType<IntlMessageFormat['getAst']>[number]
interface PluralOption {
  value: MessageFormatElement[]
}

const ACCENTS: Record<string, string> = {
  a: 'å',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  I: 'Î',
  N: 'Ñ',
  O: 'Ö',
  R: 'Ŕ',
  S: 'Š',
  U: 'Û',
}

/** en-XA wraps each message in these; ar-XB in right-to-left override marks. */
export const PSEUDO_OPEN = { 'en-XA': '⟦', 'ar-XB': '\u202e' } as const
export const PSEUDO_CLOSE = { 'en-XA': '⟧', 'ar-XB': '\u202c' } as const

export type PseudoLocale = keyof typeof PSEUDO_OPEN

const accent = (text: string): string => text.replace(/[a-zA-Z]/g, (c) => ACCENTS[c] ?? c)

// 0 is TYPE.literal and 5/6 select/plural in the parser's AST (a const enum upstream).
const LITERAL = 0
function mapLiterals(
  elements: MessageFormatElement[],
  change: (text: string) => string,
): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === LITERAL) return { ...element, value: change(element.value) }
    if ('options' in element && typeof element.options === 'object') {
      const options = Object.fromEntries(
        Object.entries(element.options as Record<string, PluralOption>).map(
          ([selector, option]) => [
            selector,
            { ...option, value: mapLiterals(option.value, change) },
          ],
        ),
      )
      return { ...element, options } as MessageFormatElement
    }
    return element
  })
}

/** The English message as `locale` shows it, as a parsed message ready to format. */
export function pseudoMessage(english: string, locale: PseudoLocale): MessageFormatElement[] {
  const ast = new IntlMessageFormat(english, 'en').getAst()
  const body = locale === 'en-XA' ? mapLiterals(ast, accent) : ast
  const mark = (value: string): MessageFormatElement =>
    ({ type: LITERAL, value }) as MessageFormatElement
  return [mark(PSEUDO_OPEN[locale]), ...body, mark(PSEUDO_CLOSE[locale])]
}
