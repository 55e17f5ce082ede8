// Two projects: server tests run real SQL on the embedded engine (one process per test file,
// because chDB allows one data folder per process); client tests run in jsdom.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Every project runs the watchdog that ends a test file stuck in synchronous code (see the file).
const setupFiles = ['server/testing/watchdog.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          isolate: true,
          setupFiles,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          include: ['client/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          // jsdom lacks <dialog>'s methods: a small polyfill (see the file for what it covers)
          setupFiles: [...setupFiles, 'client/src/testing/dialogPolyfill.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['client/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          setupFiles,
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
