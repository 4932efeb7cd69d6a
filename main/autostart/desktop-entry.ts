// The XDG autostart entry for Linux desktops (freedesktop Desktop Entry spec 1.5):
// a file in ~/.config/autostart is all it takes, no package needed.
import { APP_ID, APP_NAME } from '../app/app-id'

export function autostartEntryPath(configHome: string): string {
  return `${configHome.replace(/\/+$/, '')}/autostart/${APP_ID}.desktop`
}

export function desktopEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${APP_NAME}`,
    'Comment=Rings when a Rocket.Chat call comes in',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * Quoted per the spec's Exec rules, then escaped as a string value: a literal
 * backslash inside quotes becomes four, `%` becomes `%%`.
 */
export function quoteExecArgument(argument: string): string {
  const quoted = `"${argument.replace(/[\\"`$]/g, (char) => `\\${char}`)}"`
  return quoted.replace(/%/g, '%%').replace(/\\/g, '\\\\')
}
