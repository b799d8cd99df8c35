import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: suites that build a page with Vite and check it in headless Chromium
 * (test/browser/support/launchChromium.ts). Kept out of `npm test`, which needs no browser.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
