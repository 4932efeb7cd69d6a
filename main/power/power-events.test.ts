import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { PowerMonitor } from 'electron'
import { watchPowerEvents } from './power-events'

describe('watchPowerEvents', () => {
  it('pauses on suspend, resumes on resume, and leaves screen locks alone', () => {
    const monitor = new EventEmitter()
    const log: string[] = []
    const stop = watchPowerEvents(monitor as unknown as PowerMonitor, {
      suspend: () => log.push('suspend'),
      resume: () => log.push('resume'),
    })
    monitor.emit('lock-screen')
    monitor.emit('suspend')
    monitor.emit('unlock-screen')
    monitor.emit('resume')
    expect(log).toEqual(['suspend', 'resume'])
    expect(monitor.listenerCount('lock-screen')).toBe(0)
    stop()
    monitor.emit('suspend')
    expect(log).toEqual(['suspend', 'resume'])
  })
})
