/**
 * Timing marks for `npm run bench` (its part e: the content script as the browser runs it). Every
 * build defines __BACKSTORY_BENCH__: false in the extension, so esbuild drops each
 * `if (__BACKSTORY_BENCH__)` block; true only in the bench's own build
 * (scripts/lib/build-extension.ts, `bench: true`), which also puts in front of the bundle
 * `__backstoryBegin(name)` and `__backstoryEnd(name)`: the time between them is added to `name`
 * in the page's data-backstory-bench attribute (a timing never begun counts from the bundle's
 * start). The unit tests define it false too.
 */
declare global {
  const __BACKSTORY_BENCH__: boolean;
  function __backstoryBegin(name: string): void;
  function __backstoryEnd(name: string, ms?: number): void;
}

export {};
