import { describe, expect, it } from 'vitest'
import { signedInState } from '../../test/support/app-fakes'
import { trayMenu, type TrayMenuItem } from './tray-menu'

const options = { startAtLogin: false, startAtLoginLocked: false, pauseLocked: false }
const find = (items: TrayMenuItem[], label: string) =>
  items.find((item) => item.kind !== 'separator' && item.label === label)

describe('trayMenu', () => {
  it('offers every action of a signed-in agent', () => {
    const labels = trayMenu(signedInState(), options).flatMap((item) =>
      item.kind === 'separator' ? [] : [item.label],
    )
    expect(labels).toEqual([
      'Show calls',
      'Pause notifications',
      'Open Rocket.Chat',
      'Sign out',
      'Start at login',
      'Test ring',
      'Quit Call Tray',
    ])
  })

  it('pauses for 15 minutes, an hour or until resumed', () => {
    const pause = find(trayMenu(signedInState(), options), 'Pause notifications')
    expect(
      pause?.kind === 'submenu' &&
        pause.items.flatMap((item) => ('action' in item ? [item.action] : [])),
    ).toEqual([
      { type: 'pause', minutes: 15 },
      { type: 'pause', minutes: 60 },
      { type: 'pause', minutes: null },
      { type: 'resume' },
    ])
  })

  it('enables resuming only while paused', () => {
    const resume = (paused: boolean) => {
      const pause = trayMenu(signedInState({ pause: paused ? { until: null } : null }), options)[1]
      return pause?.kind === 'submenu' ? find(pause.items, 'Resume notifications') : undefined
    }
    expect(resume(false)).toMatchObject({ enabled: false })
    expect(resume(true)).toMatchObject({ enabled: true })
  })

  it('turns Show calls into Sign in and disables session actions when signed out', () => {
    const items = trayMenu(
      { ...signedInState(), session: { signedIn: false, serverUrl: null } },
      options,
    )
    expect(find(items, 'Sign in…')).toMatchObject({ action: { type: 'show-calls' }, enabled: true })
    expect(find(items, 'Sign out')).toMatchObject({ enabled: false })
    expect(find(items, 'Open Rocket.Chat')).toMatchObject({ enabled: false })
  })

  it('toggles start at login and respects the administrator lock', () => {
    expect(
      find(trayMenu(signedInState(), { ...options, startAtLogin: true }), 'Start at login'),
    ).toMatchObject({
      checked: true,
      action: { type: 'start-at-login', enabled: false },
      enabled: true,
    })
    expect(
      find(trayMenu(signedInState(), { ...options, startAtLoginLocked: true }), 'Start at login'),
    ).toMatchObject({
      enabled: false,
    })
  })

  it('quits for real', () => {
    expect(find(trayMenu(signedInState(), options), 'Quit Call Tray')).toMatchObject({
      action: { type: 'quit' },
    })
  })
})
