// A packaged app refuses to start with a debugger port open. The inspect fuse
// (electron-builder.yml) makes Node ignore --inspect*, but Chromium's remote debugging
// (--remote-debugging-port, --remote-debugging-pipe) is not behind any fuse, and it
// would let any local process drive the window that holds the session: read what it
// shows, call window.callTray. Chromium reads switches with `--` or `-` before them,
// and on Windows also `/` and in any case.

const DEBUG_SWITCH = /^(?:--?)(remote-debugging-[a-z-]+|inspect(?:-[a-z-]+)?)(?:=|$)/
const WINDOWS_DEBUG_SWITCH = /^(?:--?|\/)(remote-debugging-[a-z-]+|inspect(?:-[a-z-]+)?)(?:=|$)/i

/** The first debugging switch on the command line, by name, or null. */
export function debugSwitchIn(argv: readonly string[], platform: NodeJS.Platform): string | null {
  const pattern = platform === 'win32' ? WINDOWS_DEBUG_SWITCH : DEBUG_SWITCH
  for (const argument of argv) {
    const name = pattern.exec(argument)?.[1]
    if (name) return name.toLowerCase()
  }
  return null
}
