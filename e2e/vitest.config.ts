import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium against the built app (dist/), one spec per capability.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
