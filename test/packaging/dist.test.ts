// `npm run dist` (scripts/dist.ts): the deb's maintainer and homepage come from the
// organisation building it, through electron-builder's own command line and validator;
// without them a deb build is refused at once and every other installer still builds.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { MISSING_DEB_METADATA, planDist } from '../../scripts/dist'
import { builderCliConfig, loadBuilderConfig, validateBuilderConfig } from './builder-internals'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ORGANISATION = {
  CALL_TRAY_MAINTAINER: 'Contoso IT <it@contoso.example>',
  CALL_TRAY_HOMEPAGE: 'https://intranet.contoso.example/call-tray',
}

describe('npm run dist', () => {
  it('passes the maintainer and homepage to a deb build, valid to electron-builder', async () => {
    const plan = planDist(['--linux', 'deb'], ORGANISATION, 'linux')
    if (!plan.ok) throw new Error(plan.message)
    const config = await loadBuilderConfig(ROOT, builderCliConfig(plan.builderArgs))
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
    expect(config.linux?.maintainer).toBe('Contoso IT <it@contoso.example>')
    // The deb reads the homepage from the packaged metadata; the desktop name stays.
    expect(config.extraMetadata).toEqual({
      desktopName: 'com.calltray.app.desktop',
      homepage: 'https://intranet.contoso.example/call-tray',
    })
    expect(plan.builderArgs.slice(-2)).toEqual(['--publish', 'never'])
  })

  it.each([
    ['this platform’s installers on Linux', [], 'linux'],
    ['the deb by name', ['--linux', 'deb'], 'linux'],
    ['the deb among others', ['--linux', 'AppImage', 'deb:x64'], 'linux'],
    ['Linux from another platform', ['-l'], 'darwin'],
  ] as const)('refuses %s without both variables, naming them', (_case, args, platform) => {
    for (const env of [{}, { CALL_TRAY_MAINTAINER: ORGANISATION.CALL_TRAY_MAINTAINER }]) {
      const plan = planDist(args, env, platform)
      expect(plan).toEqual({ ok: false, message: MISSING_DEB_METADATA })
    }
    expect(MISSING_DEB_METADATA).toContain('CALL_TRAY_MAINTAINER')
    expect(MISSING_DEB_METADATA).toContain('CALL_TRAY_HOMEPAGE')
  })

  it.each([
    ['the AppImage', ['--linux', 'AppImage'], 'linux'],
    ['an unpacked Linux build', ['--linux', '--dir'], 'linux'],
    ['NSIS and MSI on Windows', [], 'win32'],
    ['NSIS and MSI from Linux', ['--win'], 'linux'],
    ['the dmg', [], 'darwin'],
  ] as const)('builds %s without them', async (_case, args, platform) => {
    const plan = planDist(args, {}, platform)
    if (!plan.ok) throw new Error(plan.message)
    expect(plan.builderArgs).toEqual([...args, '--publish', 'never'])
    const config = await loadBuilderConfig(ROOT, builderCliConfig(plan.builderArgs))
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined()
  })

  it('says what is wrong with a malformed maintainer or homepage', () => {
    expect(
      planDist([], { ...ORGANISATION, CALL_TRAY_MAINTAINER: 'it@contoso.example' }, 'linux'),
    ).toMatchObject({ ok: false, message: expect.stringContaining('"Name <e-mail>"') })
    expect(
      planDist([], { ...ORGANISATION, CALL_TRAY_HOMEPAGE: 'intranet/call-tray' }, 'linux'),
    ).toMatchObject({ ok: false, message: expect.stringContaining('CALL_TRAY_HOMEPAGE must be') })
  })

  it('never uploads', () => {
    expect(planDist(['--publish', 'always'], ORGANISATION, 'linux')).toMatchObject({ ok: false })
  })
})
