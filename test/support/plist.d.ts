// plist (a dependency of electron-builder) ships no types; the tests need only parse().
declare module 'plist' {
  export function parse(xml: string): unknown
}
