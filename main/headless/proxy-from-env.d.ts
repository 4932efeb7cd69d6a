// proxy-from-env 2 ships no types; this is its one export (README: getProxyForUrl).
declare module 'proxy-from-env' {
  /** The proxy for the URL from *_PROXY / NO_PROXY (either case), or '' to go directly. */
  export function getProxyForUrl(url: string | URL): string
}
