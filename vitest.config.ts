import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['test/unit/setup-indexeddb.ts'],
          // Vitest's default on a 2-core machine is one worker (cores − 1), and these files are all
          // CPU: two workers take the unit run from ~114 s to ~76 s here. The browser projects run
          // after it, alone, so no timing measured in a browser shares the machine with them.
          maxWorkers: '100%',
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The Firefox build (dist-firefox/) in headless firefox-esr; see test/harness/firefox-session.ts.
        test: {
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
