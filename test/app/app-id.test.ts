// Windows shows toasts only for the AppUserModelID the Start-menu shortcut carries,
// and electron-builder writes that shortcut with its appId: the two must match.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { APP_ID } from '../../main/app/app-id'

const BUILDER_CONFIG = fileURLToPath(new URL('../../electron-builder.yml', import.meta.url))

describe('the app id', () => {
  it('is a reverse-domain id', () => {
    expect(APP_ID).toBe('com.calltray.app')
  })

  it.skipIf(!existsSync(BUILDER_CONFIG))('is electron-builder’s appId', () => {
    const match = /^appId:\s*["']?([^"'\s#]+)["']?\s*(#.*)?$/m.exec(
      readFileSync(BUILDER_CONFIG, 'utf8'),
    )
    expect(match?.[1]).toBe(APP_ID)
  })
})
