// Two projects: unit tests in jsdom, and real-browser tests that drive the built extension in
// Chromium and Firefox (one browser at a time: this machine has two cores).
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
          // The browser's i18n API over the real English messages (src/_locales/en/messages.json), the
          // CSS Custom Highlight API the marks are drawn with (jsdom has none), and the first stage's
          // pattern as the build defines it (test/unit/helpers/candidate-setup.ts).
          setupFiles: ['test/unit/helpers/i18n-setup.ts', 'test/unit/helpers/highlights-setup.ts', 'test/unit/helpers/candidate-setup.ts'],
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
