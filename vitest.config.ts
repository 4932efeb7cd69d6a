import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'common/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['test/renderer/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
