import { describe, expect, it } from 'vitest'
import { autostartEntryPath, desktopEntry, quoteExecArgument } from './desktop-entry'

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

  it('lives in the autostart folder under the app id', () => {
    expect(autostartEntryPath('/home/agent/.config/')).toBe(
      '/home/agent/.config/autostart/com.calltray.app.desktop',
    )
  })
})
