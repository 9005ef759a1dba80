import { defineConfig } from 'vitest/config';

/**
 * Tests run in UTC. `npm run test:tz` runs the date-sensitive ones again with CLIENTELE_TEST_TZ set to other
 * time zones (the process's and the browser's), and they must give the same results.
 */
const TZ = process.env['CLIENTELE_TEST_TZ'] ?? 'UTC';
process.env.TZ = TZ;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { TZ },
  },
});
