// Two projects: unit tests in jsdom, and real-browser tests that drive the built extension in
// Chromium and Firefox (one browser at a time: this machine has two cores).
import { defineConfig } from 'vitest/config';
import { candidateSource } from '../src/shared/detect-topic';

export default defineConfig({
  test: {
    root: '.',
    projects: [
      {
        // Bench-only timing code in the content script is off (see src/content/bench.ts); the first
        // stage's pattern is made from the detector's terms, as the build makes it.
        define: {
          __BACKSTORY_BENCH__: 'false',
          __BACKSTORY_BUILD__: JSON.stringify('unit-test-build'),
          __BACKSTORY_CANDIDATE__: JSON.stringify(candidateSource()),
        },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'jsdom',
          // The browser's i18n API over the real English messages (src/_locales/en/messages.json).
          setupFiles: ['test/unit/helpers/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
