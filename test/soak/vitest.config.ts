import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/soak/soak.test.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
})
