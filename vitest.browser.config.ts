import { defineConfig } from 'vitest/config';

// `npm run test:browser`: tests that drive headless Chromium (test/browser/support/launchChromium.ts),
// one file at a time. `npm test` leaves them out (vitest.config.ts).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
