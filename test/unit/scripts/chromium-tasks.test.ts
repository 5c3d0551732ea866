// @vitest-environment node
// The task recorder's reading of Chromium's traces (scripts/lib/chromium-tasks.ts), on small
// hand-made traces in the DevTools format.
import { describe, expect, it } from 'vitest';
import { chromiumTasks, type TraceEvent } from '../../../scripts/lib/chromium-tasks';

const MARK = 'panel-arrived';
const page = { pid: 1, tid: 1 };
const EXTENSION = 'chrome-extension://ext/';
const isExtension = (url: string) => url.startsWith(EXTENSION);

/** Node 1 is a root, 2 a frame of the extension's script, 3 one under it, 4 the page's script, 5 another extension's. */
const NODES = [
  { id: 1, callFrame: { url: '' } },
  { id: 2, parent: 1, callFrame: { url: `${EXTENSION}full-stage.js` } },
  { id: 3, parent: 2, callFrame: { url: '' } },
  { id: 4, parent: 1, callFrame: { url: 'http://127.0.0.1/page.js' } },
  { id: 5, parent: 1, callFrame: { url: 'chrome-extension://other/content.js' } },
];

/** A trace of the page's thread: the mark at 1,000 µs, V8's samples as [µs, node], and `more` events. */
function trace(samples: [number, number][], ...more: TraceEvent[]): TraceEvent[] {
  const times = samples.map(([ts]) => ts);
  return [
    { name: MARK, ph: 'R', ...page, ts: 1_000 },
    { name: 'Profile', ph: 'P', ...page, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: 1,
      tid: 9,
      ts: 0,
      id: '0x1',
      args: { data: { cpuProfile: { nodes: NODES, samples: samples.map(([, node]) => node) }, timeDeltas: times.map((ts, i) => ts - (times[i - 1] ?? 0)) } },
    },
    ...more,
  ];
}

/** A complete event on the page's thread (or `where`), µs. */
const event = (name: string, ts: number, dur: number, tdur: number, url?: string, where = page): TraceEvent => ({
  name,
  ph: 'X',
  ...where,
  ts,
  dur,
  tdur,
  ...(url === undefined ? {} : { args: { data: { url } } }),
});

describe('chromiumTasks', () => {
  const sampled = trace(
    [
      [100, 1],
      [200, 2],
      [300, 3],
      [400, 1],
    ],
    event('RunTask', 50, 400, 200),
    // Nested in the task above, and one on another thread: neither is a task of its own.
    event('RunTask', 60, 100, 100),
    event('RunTask', 2_000, 100, 100, undefined, { pid: 1, tid: 5 }),
    event('RunTask', 1_500, 80, 60),
  );

  it('gives each task its thread time, shared out by the samples with an extension frame, timed from the mark', () => {
    expect(chromiumTasks(sampled, MARK, isExtension)).toEqual([
      { at: -0.95, wallMs: 0.4, cpuMs: 0.2, extensionMs: 0.1 },
      { at: 0.5, wallMs: 0.08, cpuMs: 0.06, extensionMs: 0 },
    ]);
  });

  it("counts the thread time of the extension's script evaluation that no sample landed in, its compile inside it once", () => {
    const events = trace(
      [
        [1_950, 1],
        [2_050, 1],
        [2_500, 1],
      ],
      event('RunTask', 2_000, 600, 500),
      event('EvaluateScript', 2_100, 350, 300, `${EXTENSION}first-stage.js`),
      event('v8.compile', 2_110, 40, 40, `${EXTENSION}first-stage.js`),
    );
    const [task] = chromiumTasks(events, MARK, isExtension);
    expect(task?.cpuMs).toBe(0.5);
    expect(task?.extensionMs).toBeCloseTo(0.3, 9);
  });

  it('shares out the rest of the task by the samples outside the evaluation, not counting those inside it again', () => {
    const events = trace(
      [
        [2_150, 2], // inside the evaluation: already counted by its thread time
        [2_250, 3],
        [2_500, 2], // outside it: one extension sample of four
        [2_600, 1],
        [2_700, 4],
        [2_800, 1],
      ],
      event('RunTask', 2_000, 1_000, 1_000),
      event('EvaluateScript', 2_100, 300, 300, `${EXTENSION}full-stage.js`),
    );
    // 0.3 ms evaluated, and a quarter of the other 0.7 ms.
    expect(chromiumTasks(events, MARK, isExtension)[0]?.extensionMs).toBeCloseTo(0.475, 9);
  });

  it("counts neither the page's scripts, nor another extension's, nor the extension's on another thread", () => {
    const events = trace(
      [
        [2_200, 4],
        [2_600, 5],
      ],
      event('RunTask', 2_000, 1_000, 1_000),
      event('EvaluateScript', 2_100, 300, 300, 'http://127.0.0.1/page.js'),
      event('EvaluateScript', 2_500, 200, 200, 'chrome-extension://other/content.js'),
      event('RunTask', 2_000, 1_000, 1_000, undefined, { pid: 1, tid: 5 }),
      event('EvaluateScript', 2_100, 300, 300, `${EXTENSION}first-stage.js`, { pid: 1, tid: 5 }),
    );
    expect(chromiumTasks(events, MARK, isExtension)).toEqual([{ at: 1, wallMs: 1, cpuMs: 1, extensionMs: 0 }]);
  });

  it('refuses a trace without the mark or without V8 samples of the page', () => {
    expect(() => chromiumTasks(sampled.slice(1), MARK, () => true)).toThrow(/no performance.mark/);
    expect(() => chromiumTasks(sampled.slice(0, 1), MARK, () => true)).toThrow(/no V8 profile/);
  });
});
