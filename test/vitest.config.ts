// Three projects. `unit`: jsdom. `build`: checks of the built dist/ that start no browser (sizes,
// the store packages, web-ext lint). `browser`: the built extension driven in real Chromium and
// Firefox. unit and build run first, side by side (two workers: the machine has two cores); then
// the browser tests, one file at a time (each file runs its two browsers side by side, see
// describeEachBrowser in test/browser/harness.ts). Both build and browser build dist/ first, once a run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    projects: [
      {
        // Bench-only timing code in the content script is off (see src/content/bench.ts).
        define: { __BACKSTORY_BENCH__: 'false', __BACKSTORY_BUILD__: JSON.stringify('unit-test-build') },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'jsdom',
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          // The browser's i18n API over the real English messages (src/_locales/en/messages.json).
          setupFiles: ['test/unit/helpers/i18n-setup.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/build/global-setup.ts'],
          // Beside the unit tests; never beside the browser tests (the package check rebuilds dist/).
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts', 'test/build/global-setup.ts'],
          sequence: { groupOrder: 2 },
          fileParallelism: false,
          // At most two browsers at once (a file with two suites per browser runs them two by two).
          maxConcurrency: 2,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
