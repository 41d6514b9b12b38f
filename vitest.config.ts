import { defineConfig } from 'vitest/config';

const apiProject = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `api-${engine}`,
    include: ['server/**/*.api.test.ts'],
    env: { TEST_DB: engine },
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts'], exclude: ['**/*.api.test.ts', '**/node_modules/**'], testTimeout: 60_000 } },
      apiProject('pglite'),
      apiProject('postgres'),
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.test.ts'], globalSetup: ['e2e/global-setup.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});
