import { defineConfig } from "vitest/config";

/**
 * Two projects: "server" (unit and API tests, on SQLite and — with VIGIE_TEST_PG_URL — on
 * PostgreSQL) and "e2e" (the web app in Chromium). `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "bench/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          // Two files at a time: much of a file's time is spent waiting on PostgreSQL, Dovecot or
          // an agent, so two workers use a 2-core CI machine better than vitest's default of one.
          maxWorkers: 2,
        },
      },
      "./vitest.e2e.config.ts",
    ],
  },
});
