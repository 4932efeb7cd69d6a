// The placeholders of an ICU message, worked out from its literal type, so a
// translation that drops, renames or invents one is a compile error. It reads the
// subset the catalogs use: {name}, {name, plural|number|select, …} and plural
// branches (`one {…}`, `other {…}`, `=0 {…}`); catalog.test.ts checks every message
// against the real parser as well.
type Selector = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other' | `=${number}`

type Trim<S extends string> = S extends ` ${infer R}`
  ? Trim<R>
  : S extends `${infer R} `
    ? Trim<R>
    : S

/** The text before a `{` ends in a plural selector: the brace opens a branch, not an argument. */
type OpensBranch<Before extends string> = Before extends `${string}${Selector} ` ? true : false

type ArgName<Inside extends string> = Inside extends `${infer Name},${string}`
  ? Trim<Name>
  : Trim<Inside>

export type MessageArgs<S extends string> = S extends `${infer Before}{${infer After}`
  ? OpensBranch<Before> extends true
    ? MessageArgs<After>
    : After extends `${infer Inside}}${string}`
      ? ArgName<Inside> | MessageArgs<After>
      : never
  : never

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** A translation of `English`: every key, each message with exactly the English placeholders. */
export type TranslationOf<English extends Record<string, string>, T> = {
  [K in keyof English]: K extends keyof T
    ? T[K] extends string
      ? Same<MessageArgs<T[K]>, MessageArgs<English[K]>> extends true
        ? T[K]
        : `placeholders must be exactly: ${MessageArgs<English[K]> & string}`
      : string
    : string
}
