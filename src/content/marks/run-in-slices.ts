/** Long work done in slices short enough that the page keeps answering its reader. */
import { SLICE_MS, yieldToBrowser } from './yield-to-browser';

/** Work that can be done a small unit at a time. */
export interface SlicedWork {
  /** Does the next unit; returns its size (for example 1 plus the mentions found), or 0 when there is none. */
  step(): number;
  /** Whether any work is left. */
  pending(): boolean;
  /** Whether to give up (checked between slices). */
  stopped(): boolean;
  /** Called as each slice starts. */
  onSlice(): void;
  /** Called each time the work runs out. */
  onDone(): void;
}

/**
 * Does `work` in slices of at most SLICE_MS, yielding to the browser between them, until none is
 * left. The clock is read every 64 units of work, so a slice overruns by little whatever one unit
 * costs.
 */
export async function runInSlices(work: SlicedWork): Promise<void> {
  while (work.pending() && !work.stopped()) {
    const start = performance.now();
    work.onSlice();
    for (let units = 0; ; ) {
      if (units >= 64) {
        if (performance.now() - start >= SLICE_MS) break;
        units = 0;
      }
      const size = work.step();
      if (size === 0) break;
      units += size;
    }
    if (work.pending()) await yieldToBrowser();
    else work.onDone();
  }
}
