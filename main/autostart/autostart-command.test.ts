import { describe, expect, it } from 'vitest'
import { autostartCommand, type RunningApp } from './autostart-command'

const appImage: RunningApp = {
  isPackaged: true,
  execPath: '/tmp/.mount_CallTrXyZ/call-tray',
  appPath: '/tmp/.mount_CallTrXyZ/resources/app.asar',
  env: { APPIMAGE: '/home/agent/Apps/call-tray.AppImage', APPDIR: '/tmp/.mount_CallTrXyZ' },
}

describe('autostartCommand', () => {
  it('starts the AppImage file when running from its mount point', () => {
    expect(autostartCommand(appImage)).toEqual(['/home/agent/Apps/call-tray.AppImage'])
  })

  it('ignores an APPIMAGE inherited by an app that does not run from an AppImage', () => {
    const deb = { ...appImage, execPath: '/opt/Call Tray/call-tray' }
    expect(autostartCommand(deb)).toEqual(['/opt/Call Tray/call-tray'])
    expect(autostartCommand({ ...deb, env: { APPIMAGE: '/tmp/evil' } })).toEqual([
      '/opt/Call Tray/call-tray',
    ])
    // Started from another AppImage (a launcher, an editor's terminal): its variables.
    const inherited = {
      APPIMAGE: '/home/agent/Apps/editor.AppImage',
      APPDIR: '/tmp/.mount_EditorQ',
    }
    expect(autostartCommand({ ...deb, env: inherited })).toEqual(['/opt/Call Tray/call-tray'])
  })

  it('does not take a mount point beside the executable for its own', () => {
    expect(
      autostartCommand({ ...appImage, env: { ...appImage.env, APPDIR: '/tmp/.mount_CallTr' } }),
    ).toEqual([appImage.execPath])
    expect(
      autostartCommand({ ...appImage, env: { ...appImage.env, APPDIR: appImage.execPath } }),
    ).toEqual([appImage.execPath])
  })

  it('needs absolute paths in both variables', () => {
    expect(
      autostartCommand({ ...appImage, env: { ...appImage.env, APPIMAGE: 'call-tray.AppImage' } }),
    ).toEqual([appImage.execPath])
  })

  it('starts Electron with the app folder while developing', () => {
    expect(
      autostartCommand({
        ...appImage,
        isPackaged: false,
        execPath: '/dev/electron',
        appPath: '/src',
      }),
    ).toEqual(['/dev/electron', '/src'])
  })
})
