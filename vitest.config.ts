import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    setupFiles: ['test/support/fast-check-seed.ts', 'test/support/yield-between-tests.ts'],
    // One throwaway PostgreSQL server for the run, shared by both projects
    // (the PostgreSQL tests make a database each, copied from one migrated template).
    globalSetup: ['test/support/postgres-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      // Everything, each e2e and reliability test on a SQLite file.
      { extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } },
      // The e2e and reliability suites again, each test on a PostgreSQL database
      // of its own (test/support/cli.ts tempDb). postgres.test.ts is left out:
      // it runs on PostgreSQL in the sqlite project already.
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/e2e/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          exclude: ['test/e2e/postgres.test.ts'],
          env: { ROSTER_TEST_BACKEND: 'postgres' },
          // A command on PostgreSQL starts a worker thread and logs in: the slowest tests take twice as long.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
