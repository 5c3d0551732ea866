import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../../../src/content/marks/run-in-slices';
import { SLICE_MS } from '../../../../src/content/marks/yield-to-browser';

/** Work of `units` steps, each spinning for `unitMs`, that records its slices. */
function spinningWork(units: number, unitMs: number) {
  const log = { done: 0, slices: [] as number[], finished: 0, stop: false };
  return {
    log,
    work: {
      step: () => {
        if (log.done === units) return 0;
        const until = performance.now() + unitMs;
        while (performance.now() < until);
        log.done += 1;
        log.slices[log.slices.length - 1]! += 1;
        return 1;
      },
      pending: () => log.done < units,
      stopped: () => log.stop,
      onSlice: () => log.slices.push(0),
      onDone: () => {
        log.finished += 1;
      },
    },
  };
}

describe('runInSlices', () => {
  it(`does all the work in slices that check the clock every 64 units and end once ${SLICE_MS} ms have passed`, async () => {
    // 64 units of 0.2 ms are past SLICE_MS, so every slice but the last is 64 units exactly.
    const { log, work } = spinningWork(200, 0.2);
    await runInSlices(work);
    expect(log.done).toBe(200);
    expect(log.slices).toEqual([64, 64, 64, 8]);
    expect(log.finished).toBe(1);
  });

  it('gives up between slices once stopped, without calling onDone', async () => {
    const { log, work } = spinningWork(200, 0.2);
    const running = runInSlices(work);
    log.stop = true;
    await running;
    expect(log.slices).toEqual([64]);
    expect(log.finished).toBe(0);
  });
});
