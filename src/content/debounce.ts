/**
 * Runs `fn` once things have been quiet for `quietMs`, but never later than `maxWaitMs` after the
 * first call it is answering: a page that changes every frame (a ticker, a clock) would otherwise
 * hold the work back for ever.
 */
export interface Debounced {
  schedule(): void;
  cancel(): void;
}

export function debounce(fn: () => void, quietMs: number, maxWaitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = 0;
  const fire = (): void => {
    timer = undefined;
    first = 0;
    fn();
  };
  return {
    schedule() {
      const now = Date.now();
      if (timer === undefined) first = now;
      clearTimeout(timer);
      timer = setTimeout(fire, Math.max(0, Math.min(quietMs, first + maxWaitMs - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      first = 0;
    },
  };
}
