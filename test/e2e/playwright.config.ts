// End-to-end tests of the real app in Electron: `npx playwright test -c test/e2e`.
// They need the Electron binary; where it is missing every test is skipped with the
// reason printed.
import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  outputDir: '../../test-results/e2e',
  // One Electron app at a time: each owns the tray and the single-instance lock.
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 60_000,
  use: { trace: 'retain-on-failure' },
})
