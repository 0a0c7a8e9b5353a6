import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Suites start real validators (EPUBCheck on a JVM, Ace driving Chromium): slow, and best kept
    // in separate processes.
    pool: 'forks',
    // Vitest's default leaves one core free, which on a 2-core CI machine runs the files one at a
    // time; the validators spend much of their time in child processes, so two files at once pay.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
