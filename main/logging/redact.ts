// The last line of defence before a log line reaches the console or the file. Our
// messages are written by us and never carry a token, password or 2FA code; this
// catches what a future message or a library's error text might let through: values
// of secret-named fields, auth headers, and long opaque strings shaped like tokens.

const REDACTED = '[redacted]'

const SECRET_FIELD =
  /((?:x-auth-token|auth[-_ ]?token|access[-_ ]?token|token|password|passwd|secret|resume|totp|two[-_ ]?factor[-_ ]?code|2fa[-_ ]?code)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi
/** Meteor login and personal access tokens are 43 base64url characters; ids and UUIDs are shorter. */
const OPAQUE_TOKEN = /[A-Za-z0-9_-]{40,}/g

export function redactSecrets(text: string): string {
  return text
    .replace(SECRET_FIELD, (_match, field: string) => `${field}${REDACTED}`)
    .replace(AUTH_HEADER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(OPAQUE_TOKEN, REDACTED)
}
