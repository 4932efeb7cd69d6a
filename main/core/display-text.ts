// Names come from other people's profiles and from SIP trunks: anything can be in
// them. Strip what could reorder or hide text in a notification or the tray tooltip
// (control characters, bidi overrides), fold white space, and cap the length.

const CONTROL_OR_BIDI = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu
const MAX_LENGTH = 64

export function cleanDisplayText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null
  const cleaned = value.replace(CONTROL_OR_BIDI, ' ').replace(/\s+/g, ' ').trim()
  if (cleaned === '') return null
  const chars = Array.from(cleaned)
  return chars.length > MAX_LENGTH ? `${chars.slice(0, MAX_LENGTH - 1).join('')}…` : cleaned
}
