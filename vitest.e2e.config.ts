import { defineConfig } from "vitest/config";

/** End-to-end flows: a real server and a real Chromium, one file at a time. */
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    // A page's list can take a few seconds to settle on a busy CI machine.
    expect: { poll: { timeout: 10_000 } },
  },
});
