import { describe, expect, it } from 'vitest'
import { createDndProbe, type RunCommand } from './dnd-probe'
import { freedesktopInhibited, gnomeBannersOff, macosFocusOn, regDword } from './dnd-readers'

function probe(
  platform: NodeJS.Platform,
  answers: Record<string, string | null>,
  file: string | null = null,
) {
  const run: RunCommand = async (program, args) => answers[`${program} ${args.join(' ')}`] ?? null
  return createDndProbe({
    platform,
    run,
    readText: async () => file,
    home: '/home/agent',
    appId: 'chat.calltray',
  })
}

const GSETTINGS = 'gsettings get org.gnome.desktop.notifications show-banners'
const GDBUS =
  'gdbus call --session --dest org.freedesktop.Notifications --object-path /org/freedesktop/Notifications --method org.freedesktop.DBus.Properties.Get org.freedesktop.Notifications Inhibited'
const WIN_QUIET =
  'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings /v NOC_GLOBAL_SETTING_TOASTS_ENABLED'
const WIN_APP =
  'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Notifications\\Settings\\chat.calltray /v Enabled'

describe('the readers', () => {
  it('read what each desktop prints, and nothing else', () => {
    expect(gnomeBannersOff('false\n')).toBe(true)
    expect(gnomeBannersOff('true\n')).toBe(false)
    expect(gnomeBannersOff('No such schema')).toBe(false)
    expect(freedesktopInhibited('(<true>,)\n')).toBe(true)
    expect(freedesktopInhibited('(<false>,)')).toBe(false)
    const reg = '\r\nHKEY_CURRENT_USER\\...\\Settings\r\n    Enabled    REG_DWORD    0x0\r\n'
    expect(regDword(reg, 'Enabled')).toBe(0)
    expect(regDword(reg, 'Other')).toBeNull()
    expect(macosFocusOn('{"data":[{"storeAssertionRecords":[{"assertionDetails":{}}]}]}')).toBe(
      true,
    )
    expect(macosFocusOn('{"data":[{}]}')).toBe(false)
    expect(macosFocusOn('not json')).toBe(false)
  })
})

describe('createDndProbe', () => {
  it('sees GNOME banners off and KDE inhibition', async () => {
    expect(await probe('linux', { [GSETTINGS]: 'false\n' }).read()).toEqual({
      doNotDisturb: true,
      notificationsBlocked: false,
    })
    expect(await probe('linux', { [GDBUS]: '(<true>,)' }).read()).toMatchObject({
      doNotDisturb: true,
    })
    expect(
      await probe('linux', { [GSETTINGS]: 'true\n', [GDBUS]: '(<false>,)' }).read(),
    ).toMatchObject({ doNotDisturb: false })
  })

  it("sees Windows' Do not disturb and notifications turned off for Call Tray", async () => {
    const off = '    NOC_GLOBAL_SETTING_TOASTS_ENABLED    REG_DWORD    0x0'
    expect(await probe('win32', { [WIN_QUIET]: off }).read()).toEqual({
      doNotDisturb: true,
      notificationsBlocked: false,
    })
    const blocked = '    Enabled    REG_DWORD    0x0'
    expect(await probe('win32', { [WIN_APP]: blocked }).read()).toEqual({
      doNotDisturb: false,
      notificationsBlocked: true,
    })
  })

  it('sees a macOS Focus, and reports nothing where nothing can be read', async () => {
    expect(
      await probe('darwin', {}, '{"data":[{"storeAssertionRecords":[{}]}]}').read(),
    ).toMatchObject({ doNotDisturb: true })
    expect(await probe('darwin', {}).read()).toEqual({
      doNotDisturb: false,
      notificationsBlocked: false,
    })
    expect(await probe('linux', {}).read()).toEqual({
      doNotDisturb: false,
      notificationsBlocked: false,
    })
    expect(await probe('freebsd', {}).read()).toEqual({
      doNotDisturb: false,
      notificationsBlocked: false,
    })
  })
})
