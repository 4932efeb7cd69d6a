import { describe, expect, it } from 'vitest'
import { debugSwitchIn } from './debug-switches'

const exe = '/opt/Call Tray/call-tray'

describe('debugSwitchIn', () => {
  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['-remote-debugging-port=9222'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['--inspect'], 'inspect'],
    [['--inspect=127.0.0.1:9229'], 'inspect'],
    [['--inspect-brk=9229'], 'inspect-brk'],
    [['--inspect-port=0'], 'inspect-port'],
  ])('finds %j', (switches, name) => {
    expect(debugSwitchIn([exe, ...switches], 'linux')).toBe(name)
  })

  it('reads Windows switches with a slash and in any case there', () => {
    expect(debugSwitchIn(['C:\\Call Tray.exe', '/Remote-Debugging-Port=9222'], 'win32')).toBe(
      'remote-debugging-port',
    )
    expect(debugSwitchIn([exe, '/remote-debugging-port=9222'], 'linux')).toBeNull()
  })

  it('lets ordinary arguments and look-alikes through', () => {
    expect(debugSwitchIn([exe], 'linux')).toBeNull()
    expect(debugSwitchIn([exe, '--password-store=gnome-libsecret'], 'linux')).toBeNull()
    expect(debugSwitchIn([exe, '--inspector-theme', '--no-inspect', 'inspect'], 'linux')).toBeNull()
  })
})
