// What a log line may contain. Parts of a message come from the server (a DDP error's
// reason, an HTTP status text) or from other people (names), and a newline in one of
// them would start a line of its own that reads like ours ("Signed in … as admin").
// So every logged value is made single-line here, on its way to every transport,
// and no caller has to remember it.
import { redactSecrets } from './redact'

/** C0 and C1 controls (CR, LF, tab, ESC, NEL, …) and the Unicode line and paragraph separators. */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/** Each control character as a visible escape (`\n`, `\u001b`), so a line stays one line. */
export function escapeControlCharacters(text: string): string {
  return text.replace(
    LINE_BREAKING,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Secrets redacted first (their patterns know raw white space), then controls escaped. */
export function safeLogText(text: string): string {
  return escapeControlCharacters(redactSecrets(text))
}
