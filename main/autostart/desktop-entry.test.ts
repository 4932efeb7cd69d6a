import { describe, expect, it } from 'vitest'
import {
  autostartEntryPath,
  desktopEntry,
  execCommandProblem,
  quoteExecArgument,
} from './desktop-entry'

describe('desktopEntry', () => {
  it('is an XDG autostart entry that starts the given command', () => {
    expect(desktopEntry(['/opt/Call Tray/call-tray'])).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Call Tray',
        'Comment=Rings when a Rocket.Chat call comes in',
        'Exec="/opt/Call Tray/call-tray"',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    )
  })

  it('quotes Exec arguments per the spec', () => {
    expect(quoteExecArgument('/a b/electron')).toBe('"/a b/electron"')
    expect(quoteExecArgument('say "hi" $HOME `x`')).toBe('"say \\\\"hi\\\\" \\\\$HOME \\\\`x\\\\`"')
    expect(quoteExecArgument('C:\\dir')).toBe('"C:\\\\\\\\dir"')
    expect(quoteExecArgument('100%')).toBe('"100%%"')
  })

  it('refuses a path with a newline, which would add an Exec line of its own', () => {
    const hostile = '/tmp/x\nExec=/tmp/evil'
    expect(() => desktopEntry([hostile])).toThrow(
      'No autostart entry can start this app: a control character in "/tmp/x\\nExec=/tmp/evil".',
    )
    expect(execCommandProblem(['/opt/a\rb'])).toMatch(/control character/)
    expect(execCommandProblem(['/opt/call-tray', '--x\u0085'])).toMatch(/control character/)
    expect(execCommandProblem([])).toBe('there is no command')
  })

  it('accepts any printable path, names in other scripts included', () => {
    expect(execCommandProblem(['/home/jörg/Программы/Call Tray.AppImage'])).toBeNull()
    expect(desktopEntry(['/home/jörg/a b'])).toContain('Exec="/home/jörg/a b"\n')
  })

  it('lives in the autostart folder under the app id', () => {
    expect(autostartEntryPath('/home/agent/.config/')).toBe(
      '/home/agent/.config/autostart/com.calltray.app.desktop',
    )
  })
})
