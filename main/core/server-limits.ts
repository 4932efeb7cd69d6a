// How long a string from the server may be. Identifiers (ids, types, states, contract
// ids, features) past their bound are refused: cutting one could make two calls one,
// so the call is unreadable (REST) or the field is dropped as wrong (signals). Text
// only shown (names, usernames, extensions) is cut to its bound instead; display-text.ts
// then cleans and shortens it for people. Real values are far shorter: Rocket.Chat ids
// are 17 characters, feature names a word.
import { z } from 'zod'

export const MAX_ID_LENGTH = 128
/** Types, states and feature names. */
export const MAX_WORD_LENGTH = 64
export const MAX_FEATURES = 32
export const MAX_TEXT_LENGTH = 256
/** ISO-8601 with every optional part is under 40 characters. */
export const MAX_TIMESTAMP_LENGTH = 64

export const serverId = z.string().min(1).max(MAX_ID_LENGTH)
export const serverWord = z.string().max(MAX_WORD_LENGTH)
export const serverFeatures = z.array(z.string().max(MAX_WORD_LENGTH)).max(MAX_FEATURES)

/** Cut to the bound, never through the middle of a character made of two code units. */
export function truncateServerText(value: string): string {
  if (value.length <= MAX_TEXT_LENGTH) return value
  const end = isHighSurrogate(value.charCodeAt(MAX_TEXT_LENGTH - 1))
    ? MAX_TEXT_LENGTH - 1
    : MAX_TEXT_LENGTH
  return value.slice(0, end)
}

export const serverText = z.string().transform(truncateServerText)

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}
