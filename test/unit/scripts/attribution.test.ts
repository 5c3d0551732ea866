// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { cdpExtensionTime, geckoExtensionTime, scriptOf, type CdpProfile, type GeckoProfile } from '../../../scripts/bench/attribution';
import { median, percentile } from '../../../scripts/bench/stats';

const EXT = 'chrome-extension://abcdefghijklmnop/';
const isChromeExt = (url: string) => url.startsWith(EXT);

/**
 * A small V8 profile:
 *   1 (root)
 *   ├─ 2 page.js main ─ 3 (anonymous, no url: a DOM call) ─ 4 first-stage.js check
 *   ├─ 5 first-stage.js run ─ 6 page.js callback ─ 7 (no url)      (extension frame two levels up)
 *   ├─ 8 (program)
 *   └─ 9 full-stage.js mark ─ 10 chrome-extension://someoneelse/x.js
 */
function cdpProfile(samples: number[], timeDeltas: number[], endTime: number): CdpProfile {
  const frame = (url: string, functionName = '') => ({ url, functionName });
  return {
    nodes: [
      { id: 1, callFrame: frame('', '(root)'), children: [2, 5, 8, 9] },
      { id: 2, callFrame: frame('http://127.0.0.1/page.js', 'main'), children: [3] },
      { id: 3, callFrame: frame(''), children: [4] },
      { id: 4, callFrame: frame(`${EXT}first-stage.js`, 'check') },
      { id: 5, callFrame: frame(`${EXT}first-stage.js`, 'run'), children: [6] },
      { id: 6, callFrame: frame('http://127.0.0.1/page.js', 'callback'), children: [7] },
      { id: 7, callFrame: frame('', 'appendChild') },
      { id: 8, callFrame: frame('', '(program)') },
      { id: 9, callFrame: frame(`${EXT}full-stage.js`, 'mark'), children: [10] },
      { id: 10, callFrame: frame('chrome-extension://someoneelse/x.js') },
    ],
    startTime: 1_000_000,
    endTime,
    samples,
    timeDeltas,
  };
}

describe('cdpExtensionTime', () => {
  it('counts a sample whose stack holds an extension frame anywhere, and not one without', () => {
    // Samples: page main (no), extension deep under the page (yes), extension with page code and a
    // DOM call on top (yes), (program) (no), the page's own DOM call (no).
    const p = cdpProfile([2, 4, 7, 8, 3], [0, 100, 200, 400, 800], 1_000_000 + 1_500 + 1_600);
    const a = cdpExtensionTime(p, isChromeExt);
    expect(a.samples).toBe(2);
    expect(a.totalSamples).toBe(5);
    // Sample i lasts timeDeltas[i + 1]: sample 1 (node 4) 200 µs, sample 2 (node 7) 400 µs.
    expect(a.ms).toBeCloseTo(0.6, 10);
  });

  it("gives the last sample the time up to the profile's end", () => {
    // Last sample at 1_000_000 + 300; endTime 1_000_000 + 1_000 → 700 µs.
    const p = cdpProfile([8, 9], [100, 200], 1_001_000);
    const a = cdpExtensionTime(p, isChromeExt);
    expect(a.samples).toBe(1);
    expect(a.ms).toBeCloseTo(0.7, 10);
    expect(a.spanMs).toBeCloseTo(1, 10);
  });

  it('uses the parent field when a profile gives it instead of children', () => {
    const p: CdpProfile = {
      nodes: [
        { id: 1, callFrame: { url: '' } },
        { id: 2, callFrame: { url: `${EXT}a.js` }, parent: 1 },
        { id: 3, callFrame: { url: '' }, parent: 2 },
      ],
      startTime: 0,
      endTime: 1_000,
      samples: [3, 1, 3],
      timeDeltas: [0, 250, 250],
    };
    // Sample 0 (node 3, under the extension) lasts 250, sample 2 runs to the end (500).
    expect(cdpExtensionTime(p, isChromeExt).ms).toBeCloseTo(0.75, 10);
  });

  it('only frames of the given origin count', () => {
    const p = cdpProfile([10], [0], 1_000_050);
    // Node 10 is another extension's, but its parent 9 is ours.
    expect(cdpExtensionTime(p, isChromeExt).samples).toBe(1);
    expect(cdpExtensionTime(p, (url) => url.startsWith('chrome-extension://nobody/')).samples).toBe(0);
  });

  it('an empty profile costs nothing', () => {
    expect(cdpExtensionTime({ nodes: [], startTime: 0, endTime: 0 }, isChromeExt)).toEqual({ ms: 0, samples: 0, totalSamples: 0, spanMs: 0, byScript: {} });
  });

  it('gives each sample to the script of the extension frame nearest the top of its stack', () => {
    // Node 4 (first-stage.js under page code), 7 (under first-stage.js run), 10 (another extension's
    // script under full-stage.js mark): 200, 400 and 800 µs.
    const p = cdpProfile([2, 4, 7, 10, 8], [0, 100, 200, 400, 800], 1_000_000 + 1_500 + 1_600);
    const a = cdpExtensionTime(p, isChromeExt);
    expect(Object.keys(a.byScript).sort()).toEqual(['first-stage.js', 'full-stage.js']);
    expect(a.byScript['first-stage.js']).toBeCloseTo(0.6, 10);
    expect(a.byScript['full-stage.js']).toBeCloseTo(0.8, 10);
    expect(a.ms).toBeCloseTo(1.4, 10);
  });
});

const UUID = '5b7a7f43-0d6e-4c1e-9a53-6f1f0c2b1d11';
const isMozExt = (location: string) => location.includes(`moz-extension://${UUID}/`);

/**
 * A Gecko profile whose parent process has a GeckoMain thread of its own (with an extension frame:
 * the background, which must not count) and whose child process 200 is the page's. Columns are
 * in a different order from Firefox's to check they are read from the schema.
 */
function geckoProfile(): GeckoProfile {
  const childStrings = [
    '(root)', // 0
    'XRE_InitChildProcess', // 1
    `run (moz-extension://${UUID}/first-stage.js:1:15)[1]`, // 2
    'Reflow http://127.0.0.1/page.html', // 3
    'onload (http://127.0.0.1/page.html:3:1)', // 4
    `moz-extension://${UUID}/full-stage.js[1]`, // 5
    'moz-extension://another-uuid/x.js', // 6
  ];
  return {
    meta: { startTime: 1_000, interval: 1 },
    threads: [
      {
        name: 'GeckoMain',
        pid: 100,
        samples: {
          schema: { stack: 0, time: 1 },
          data: [
            [1, 0],
            [1, 1],
          ],
        },
        stackTable: {
          schema: { prefix: 0, frame: 1 },
          data: [
            [null, 0],
            [0, 1],
          ],
        },
        frameTable: { schema: { location: 0 }, data: [[0], [1]] },
        stringTable: ['(root)', `bg (moz-extension://${UUID}/background.js:1:1)`],
      },
    ],
    processes: [
      {
        // The child's clock starts 500 ms after the parent's.
        meta: { startTime: 1_500, interval: 1 },
        threads: [
          {
            name: 'DOM Worker',
            pid: '200',
            samples: { schema: { stack: 0, time: 1 }, data: [[0, 10]] },
            stackTable: { schema: { prefix: 0, frame: 1 }, data: [[null, 0]] },
            frameTable: { schema: { location: 0 }, data: [[0]] },
            stringTable: [`w (moz-extension://${UUID}/worker.js)`],
          },
          {
            name: 'GeckoMain',
            pid: '200',
            // time first, stack second
            samples: {
              schema: { time: 0, stack: 1, eventDelay: 2 },
              data: [
                [10, 0, 0],
                [11, 2],
                [12, 3, 0],
                [15, 4],
                [16, 5],
                [17, 6],
                [19, 2],
                [20, null],
              ],
            },
            // frame first, prefix second
            stackTable: {
              schema: { frame: 0, prefix: 1 },
              data: [
                [0, null], // 0 (root)
                [1, 0], // 1 (root) > XRE
                [2, 1], // 2 … > first-stage run
                [3, 2], // 3 … > first-stage run > Reflow (extension deep in the stack)
                [4, 1], // 4 … > page onload
                [3, 4], // 5 … > page onload > Reflow
                [5, 1], // 6 … > another extension's script (frame 5, location 6)
              ],
            },
            frameTable: {
              schema: { location: 0, relevantForJS: 1, innerWindowID: 2 },
              data: [
                [0, false, 0],
                [1, false, 0],
                [2, false, 0],
                [3, false, 7],
                [4, false, 7],
                [6, false, 0],
              ],
            },
            stringTable: childStrings,
          },
        ],
      },
    ],
  };
}

describe('geckoExtensionTime', () => {
  it("reads the page process's main thread only, resolving stacks, frames and strings", () => {
    const a = geckoExtensionTime(geckoProfile(), { pid: 200, isExtension: isMozExt });
    // Extension samples: t=11 (stack 2: run) → 1 ms to t=12; t=12 (stack 3: Reflow under run) → 3 ms
    // to t=15; t=19 (stack 2) → 1 ms to t=20. Not t=15 (page onload), t=16 (Reflow under the page),
    // t=17 (frame 5 is location 6: another extension), t=20 (no stack), t=10 (root).
    expect(a.samples).toBe(3);
    expect(a.ms).toBeCloseTo(5, 10);
    expect(a.totalSamples).toBe(8);
    // From t=10 to one interval after the last sample.
    expect(a.spanMs).toBeCloseTo(11, 10);
  });

  it("splits the extension's time by script file", () => {
    const p = geckoProfile();
    const main = p.processes![0]!.threads[1]!;
    // A stack under first-stage.js whose nearest extension frame is full-stage.js (stack 7).
    main.stackTable.data.push([6, 2]);
    main.frameTable.data.push([5, false, 0]);
    main.samples.data.push([21, 7]);
    const a = geckoExtensionTime(p, { pid: 200, isExtension: isMozExt });
    // t=11, 12 and 19 are first-stage.js (1 + 3 + 1 ms); t=21 is full-stage.js (one interval, the last sample).
    expect(a.byScript).toEqual({ 'first-stage.js': 5, 'full-stage.js': 1 });
  });

  it('gives the last sample one sampling interval', () => {
    const p = geckoProfile();
    const main = p.processes![0]!.threads[1]!;
    main.samples.data = [
      [10, 0],
      [11, 2],
    ];
    expect(geckoExtensionTime(p, { pid: 200, isExtension: isMozExt }).ms).toBeCloseTo(1, 10);
  });

  it("skips samples before fromEpochMs, on the child process's own clock", () => {
    // The child's clock starts at 1,500 ms since the epoch: t=12 is 1,512.
    const a = geckoExtensionTime(geckoProfile(), { pid: 200, isExtension: isMozExt, fromEpochMs: 1_512 });
    expect(a.samples).toBe(2);
    expect(a.ms).toBeCloseTo(4, 10);
    expect(a.totalSamples).toBe(6);
  });

  it("the parent process's main thread can be read too, and a missing process is an error", () => {
    expect(geckoExtensionTime(geckoProfile(), { pid: 100, isExtension: isMozExt }).samples).toBe(2);
    expect(() => geckoExtensionTime(geckoProfile(), { pid: 300, isExtension: isMozExt })).toThrow(/no GeckoMain thread for process 300/);
  });

  it('takes the string table shared by threads when a thread has none', () => {
    const p = geckoProfile();
    const main = p.processes![0]!.threads[1]!;
    p.shared = { stringArray: main.stringTable };
    delete main.stringTable;
    expect(geckoExtensionTime(p, { pid: 200, isExtension: isMozExt }).ms).toBeCloseTo(5, 10);
  });

  it('follows prefixes that come after their stack in the table', () => {
    const p = geckoProfile();
    const main = p.processes![0]!.threads[1]!;
    // Stack 0 is "Reflow" whose prefix is stack 1, the extension's run.
    main.stackTable.data = [
      [3, 1],
      [2, null],
    ];
    main.samples.data = [
      [0, 10],
      [1, 11],
    ].map(([stack, time]) => [time, stack]);
    expect(geckoExtensionTime(p, { pid: 200, isExtension: isMozExt }).samples).toBe(2);
  });
});

describe('scriptOf', () => {
  it("names the extension's file in a URL or a Gecko location string", () => {
    expect(scriptOf(`${EXT}full-stage.js`)).toBe('full-stage.js');
    expect(scriptOf(`run (moz-extension://${UUID}/first-stage.js:1:15)[1]`)).toBe('first-stage.js');
    expect(scriptOf(`moz-extension://${UUID}/full-stage.js[1]`)).toBe('full-stage.js');
    expect(scriptOf('Reflow http://127.0.0.1/page.html')).toBe('?');
  });
});

describe('median and percentile', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('interpolates between the nearest ranks', () => {
    const xs = Array.from({ length: 11 }, (_, i) => i * 10); // 0..100
    expect(percentile(xs, 90)).toBe(90);
    expect(percentile([1, 2], 90)).toBeCloseTo(1.9, 10);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5], 100)).toBe(5);
  });
});
