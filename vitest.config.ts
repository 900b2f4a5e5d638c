import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Pure code (parsers, serializers, web helpers): no database, so no PostgreSQL to start.
        test: {
          name: 'unit',
          include: ['src/formats/**/*.test.ts', 'src/web/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'core',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/formats/**', 'src/web/**'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
