/**
 * Timing marks for `npm run bench` (its part e: the content script as the browser runs it). Every
 * build defines __BACKSTORY_BENCH__: false in the extension, so esbuild drops each
 * `if (__BACKSTORY_BENCH__)` block; true only in the bench's own build
 * (scripts/lib/build-extension.ts, `bench: true`), which also puts in front of the bundle
 * `__backstoryBegin(name)` and `__backstoryEnd(name)`: the time between them is added to `name`
 * in the page's data-backstory-bench attribute (a timing never begun counts from the bundle's
 * start); `__backstoryStamp(name)` records a moment instead (the first stage's start, the panel's
 * arrival), so that the bench can tell how long after the first stage the panel came. The unit tests define it false too.
 */
declare global {
  const __BACKSTORY_BENCH__: boolean;
  function __backstoryBegin(name: string): void;
  function __backstoryEnd(name: string, ms?: number): void;
  /** Records a moment on the page's clock (the bundle's start with `fromStart`), to compare two bundles' times. */
  function __backstoryStamp(name: string, fromStart?: boolean): void;
}

export {};
