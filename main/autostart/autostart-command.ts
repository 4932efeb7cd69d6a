// What the Linux autostart entry runs. An AppImage is mounted afresh at every start,
// so the entry must name the .AppImage file (its runtime sets APPIMAGE), not the
// executable inside the mount. But APPIMAGE is only an environment variable: inherited
// by a deb install (started from another AppImage, a wrapper, a login script), it
// would make the entry start whatever file it names at every login. So it is trusted
// only when this process really runs from the mount point the same runtime sets, APPDIR.
import path from 'node:path'

export interface RunningApp {
  isPackaged: boolean
  execPath: string
  /** The app's folder, which a development Electron is given as its argument. */
  appPath: string
  env: Readonly<Record<string, string | undefined>>
}

export function autostartCommand(app: RunningApp): string[] {
  if (!app.isPackaged) return [app.execPath, app.appPath]
  return [runningAppImage(app) ?? app.execPath]
}

function runningAppImage({ execPath, env }: RunningApp): string | null {
  const appImage = env['APPIMAGE']
  const mountPoint = env['APPDIR']
  if (!appImage || !mountPoint || !path.isAbsolute(appImage) || !path.isAbsolute(mountPoint))
    return null
  const inside = path.relative(mountPoint, execPath)
  const outside = inside === '' || inside.split(path.sep)[0] === '..' || path.isAbsolute(inside)
  return outside ? null : appImage
}
