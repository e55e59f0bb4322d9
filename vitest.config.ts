import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // *.mongo.test.ts run only in the MongoDB lane (vitest.mongo.config.ts).
    exclude: ['**/node_modules/**', 'tests/**/*.mongo.test.ts'],
    // Each file boots its own Payload on its own SQLite file; two cores run two at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { PAYLOAD_JOBS_AUTORUN: 'false', NODE_ENV: 'test' },
  },
})
