// @vitest-environment node
// The task recorder's reading of Firefox's profiles (scripts/lib/gecko-tasks.ts), on small
// hand-made profiles in the Gecko profiler's format.
import { describe, expect, it } from 'vitest';
import { geckoTasks, isGeckoInjectionFrame, type GeckoProfile } from '../../../scripts/lib/gecko-tasks';

const MARK = 'panel-arrived';

describe('geckoTasks', () => {
  const strings = [
    '(root)',
    'XRE_InitChildProcess',
    'nsTimerImpl::Fire',
    'f (moz-extension://uuid/full-stage.js:1:2)',
    'promise callback',
    'PVsync::Msg_Notify',
    'Awake',
    'UserTiming',
  ];
  const profile = (samples: [number, number, number][]): GeckoProfile => ({
    meta: { interval: 1, sampleUnits: { threadCPUDelta: 'ns' } },
    threads: [],
    processes: [
      {
        meta: { interval: 1, sampleUnits: { threadCPUDelta: 'ns' } },
        threads: [
          {
            name: 'GeckoMain',
            pid: 7,
            stringTable: strings,
            frameTable: { schema: { location: 0 }, data: [[0], [1], [2], [3], [4], [5]] },
            // 0 root, 1 event loop, 2 timer, 3 timer > extension, 4 microtasks, 5 microtasks > extension, 6 frame tick.
            stackTable: {
              schema: { prefix: 0, frame: 1 },
              data: [
                [null, 0],
                [0, 1],
                [1, 2],
                [2, 3],
                [1, 4],
                [4, 3],
                [1, 5],
              ],
            },
            markers: {
              schema: { name: 0, startTime: 1, endTime: 2, phase: 3, data: 4 },
              data: [
                [7, 5, null, 0, { name: MARK }],
                [6, 9, 0, 2, {}],
                [6, 0, 20, 3, { 'CPU Time': 6 }],
              ],
            },
            samples: { schema: { stack: 0, time: 1, threadCPUDelta: 2 }, data: samples },
          },
        ],
      },
    ],
  });
  const isExtension = (location: string) => location.includes('moz-extension://uuid/');

  it('makes a task of each run of one runnable while awake, with its microtasks, CPU per sample capped at two intervals', () => {
    const tasks = geckoTasks(
      profile([
        [3, 10, 1e6], // a timer in the extension
        [5, 11, 1e6], // its microtasks, in the extension
        [2, 12, 5e6], // the same timer out of the extension, one late sample: counted as 2 ms
        [6, 13, 1e6], // a frame: a new task
        [3, 25, 1e6], // after the thread went to sleep: not counted
      ]),
      7,
      MARK,
      isExtension,
    );
    expect(tasks).toEqual([
      { at: 5, wallMs: 2, cpuMs: 4, extensionMs: 2 },
      { at: 8, wallMs: 0, cpuMs: 1, extensionMs: 0 },
    ]);
  });

  it('refuses a profile without thread CPU times or without the process', () => {
    const withoutCpu = profile([]);
    withoutCpu.processes![0]!.meta.sampleUnits = {};
    expect(() => geckoTasks(withoutCpu, 7, MARK, isExtension)).toThrow(/"cpu" feature/);
    expect(() => geckoTasks(profile([]), 8, MARK, isExtension)).toThrow(/no main thread for process 8/);
  });
});

describe('isGeckoInjectionFrame', () => {
  it("knows Firefox putting a content script into the page, not its other extension code or the page's", () => {
    // Frames as Firefox 14x's profiler names them, from a profile of the bench's floor.
    expect(isGeckoInjectionFrame('loadContentScript (resource://gre/modules/ExtensionProcessScript.sys.mjs:420:20)')).toBe(true);
    expect(isGeckoInjectionFrame('ContentScriptContextChild (resource://gre/modules/ExtensionContent.sys.mjs:997:14)')).toBe(true);
    expect(isGeckoInjectionFrame('#injectIntoIsolatedWorld (resource://gre/modules/ExtensionContent.sys.mjs:702:27)')).toBe(true);
    // The process script's start in a fresh process, the parent's API calls, the page's own scripts.
    expect(isGeckoInjectionFrame('init (resource://gre/modules/ExtensionProcessScript.sys.mjs:57:7)')).toBe(false);
    expect(isGeckoInjectionFrame('recvAPICall (resource://gre/modules/ExtensionParent.sys.mjs:1257:20)')).toBe(false);
    expect(isGeckoInjectionFrame('run (http://127.0.0.1:8000/ExtensionContent.sys.mjs.js:1:1)')).toBe(false);
  });
});
