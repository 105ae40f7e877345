import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: files run in two forks; suites that start servers keep to their own ports.
    pool: 'forks',
    maxWorkers: 2,
  },
});
