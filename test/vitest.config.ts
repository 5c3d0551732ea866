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
        // The build id esbuild bakes into the first stage and the popup (scripts/lib/build-extension.ts).
        define: { __BACKSTORY_BUILD__: JSON.stringify('unit-test-build') },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'jsdom',
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          // Worker threads start faster than the default child processes: 44 -> 33 s for this tier.
          pool: 'threads',
          // The browser's i18n API over the real English messages (src/_locales/en/messages.json), the
          // CSS Custom Highlight API the marks are drawn with (jsdom has none), and the first stage's
          // pattern as the build defines it (test/unit/helpers/candidate-setup.ts).
          setupFiles: ['test/unit/helpers/i18n-setup.ts', 'test/unit/helpers/highlights-setup.ts', 'test/unit/helpers/candidate-setup.ts'],
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
