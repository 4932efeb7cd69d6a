// The headless runner speaks the locale's language, like any CLI: `LANG=de_DE.UTF-8`
// words the demo call's notification in German; its JSON keys and values stay English.
import { afterEach, describe, expect, it } from 'vitest'
import { runHeadless, type HeadlessProcess } from './headless-process'

const running: HeadlessProcess[] = []
afterEach(() => {
  for (const process of running.splice(0)) process.child.kill('SIGKILL')
})

const EXPECTED: Record<string, RegExp> = {
  C: /^Incoming call from /,
  'pt_BR.UTF-8': /^Chamada de /,
  'es_ES.UTF-8': /^Llamada entrante de /,
  'de_DE.UTF-8': /^Eingehender Anruf von /,
  'fr_FR.UTF-8': /^Appel entrant de /,
}

describe('headless runner locale', () => {
  it('words the demo notification in the language LANG names', async () => {
    const titles = await Promise.all(
      Object.entries(EXPECTED).map(async ([lang, title]) => {
        const process = runHeadless(['--demo'], { LANG: lang, LC_ALL: '', LC_MESSAGES: '' })
        running.push(process)
        const line = await process.waitForLine(
          (l) => l.type === 'notification' && l.event === 'incoming-call',
          `${lang} notification`,
          60_000,
        )
        return { lang, title, line }
      }),
    )
    for (const { lang, title, line } of titles) expect(line.title, lang).toMatch(title)
  }, 120_000)
})
