import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit files in parallel on every core. Vitest's default (cores − 1) is one worker on a two-core
// CI machine, where the unit files then ran one after another. The e2e files stay one at a time
// (each drives a browser) and run after the unit files (vitest's group for a project without
// file parallelism).
const UNIT_WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          maxWorkers: UNIT_WORKERS,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
