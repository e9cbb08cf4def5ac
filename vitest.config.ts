import { defineConfig } from 'vitest/config';

// Three tiers (DESIGN.md): pure unit tests beside the code, integration tests on a real database
// (*.int.test.ts, PGlite and — when DATABASE_URL is set — the PostgreSQL server), and e2e in Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          // Component tests of the web app (*.test.tsx) run here too, in jsdom: each file says
          // `// @vitest-environment jsdom`; the setup file is a no-op in the node environment.
          include: ['src/**/*.test.ts', 'src/web/**/*.test.tsx', 'scripts/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts', 'node_modules/**'],
          setupFiles: ['src/web/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          sequence: { groupOrder: 1 },
          include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // PGlite instances are ~0.3-0.9 GB each: keep the number of workers low on a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
