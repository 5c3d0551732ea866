/**
 * Timing marks for `npm run bench` (its part e: the content script as the browser runs it). Every
 * build defines __BACKSTORY_BENCH__: false in the extension, so esbuild drops each
 * `if (__BACKSTORY_BENCH__)` block; true only in the bench's own build
 * (scripts/lib/build-extension.ts, `bench: true`), which also puts `__backstoryStart` (the clock
 * when the bundle starts) and `__backstoryMark` (adds to a timing kept in the page's
 * data-backstory-bench attribute) in front of the bundle. The unit tests define it false too.
 */
declare global {
  const __BACKSTORY_BENCH__: boolean;
  const __backstoryStart: number;
  function __backstoryMark(name: string, ms: number): void;
}

export {};
