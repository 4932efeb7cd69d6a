// Small facts about proxy addresses that the desktop app and the headless runner share.

/** Proxy settings are written for http(s) URLs: ask them about the socket's https:// twin. */
export function httpFormOf(socketUrl: string): string {
  const url = new URL(socketUrl)
  if (url.protocol === 'wss:') url.protocol = 'https:'
  else if (url.protocol === 'ws:') url.protocol = 'http:'
  return url.href
}

/** A proxy URL fit for a log line: scheme, host and port, never the user name or password. */
export function describeProxy(proxyUrl: string): string {
  const url = new URL(proxyUrl)
  const signIn = url.username !== '' || url.password !== '' ? ' (with a sign-in)' : ''
  return `${url.protocol}//${url.host}${signIn}`
}
