// The XDG autostart entry for Linux desktops (freedesktop Desktop Entry spec 1.5):
// a file in ~/.config/autostart is all it takes, no package needed.
import { APP_ID, APP_NAME } from '../app/app-id'

export function autostartEntryPath(configHome: string): string {
  return `${configHome.replace(/\/+$/, '')}/autostart/${APP_ID}.desktop`
}

/**
 * The spec allows no control characters in a value, and a newline in the app's path
 * would end the Exec line and start one of the path's choosing (a second Exec=).
 */
const CONTROL = /\p{Cc}/u

/** Why a command cannot go on an Exec line, or null when it can. */
export function execCommandProblem(command: readonly string[]): string | null {
  if (command.length === 0) return 'there is no command'
  const unwritable = command.find((argument) => CONTROL.test(argument))
  if (unwritable === undefined) return null
  return `a control character in ${JSON.stringify(unwritable)}`
}

/** Throws, saying why, for a command no entry can carry (see execCommandProblem). */
export function desktopEntry(command: readonly string[]): string {
  const problem = execCommandProblem(command)
  if (problem) throw new Error(`No autostart entry can start this app: ${problem}.`)
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
