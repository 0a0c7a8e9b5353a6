import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Suites start real validators (EPUBCheck on a JVM, Ace driving Chromium): slow, and best kept
    // in separate processes.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
