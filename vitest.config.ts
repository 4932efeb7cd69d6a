import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'main/**/*.test.ts',
      'preload/**/*.test.ts',
      'common/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    // The soak runs alone, after the rest (npm run test:soak).
    exclude: ['test/renderer/**', 'test/soak/soak.test.ts', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
