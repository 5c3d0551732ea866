/**
 * Firefox's main-thread tasks of a page, read from a Gecko profile, with the CPU time each took and
 * the part of it that was the extension's (main-thread-tasks.ts says what a task is). A pure
 * function over the profile's JSON; task-recorder.ts records it.
 */
import { findGeckoMainThread, geckoColumn, type GeckoTable } from './gecko-profile';
import type { Task } from './main-thread-tasks';

// A Gecko profile (Services.profiler.dumpProfileToFileAsync) taken with the features js
// and cpu. A process is a profile with `meta` and `threads`, children under `processes`; a table is
// {schema: {column: index}, data: rows}; times are ms from the process's start. Gecko records no
// event per task, so tasks are read off the samples: each stack starts with the event loop's
// frames, (root) and XRE_InitChildProcess, then a frame naming the runnable ("setTimeout
// handler", "nsTimerImpl::Fire", "PVsync::Msg_Notify" for a frame, ...). A task is a run of
// consecutive samples with the same runnable frame while the thread stays awake (its "Awake"
// markers); microtasks run at a task's end appear as a runnable of their own, "promise callback",
// and count as part of the task before them. Two tasks of the same kind back to back count as
// one, so a figure can only be too high. A sample's threadCPUDelta is the thread's CPU time since the previous sample, counted here
// up to twice the sampling interval: a sampler held off the CPU on a busy machine takes one
// sample for a long stretch that may hold other tasks, which would otherwise all be charged to it.

interface GeckoThread {
  name: string;
  pid?: number | string;
  samples: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  markers: GeckoTable;
  stringTable: string[];
}

/** The parts of a Gecko profile read here. */
export interface GeckoProfile {
  meta: { interval: number; sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

const cell = (table: GeckoTable, row: unknown[], name: string): unknown => row[geckoColumn(table, name)];

/** The runnable frame of the microtasks run at the end of a task. */
const MICROTASKS = 'promise callback';

/**
 * Per stack of `thread`: whether it has an extension frame, and its runnable (the frame under
 * XRE_InitChildProcess; -1 for none, -2 for microtasks).
 */
function readStacks(thread: GeckoThread, isExtension: (location: string) => boolean): { extension: boolean[]; runnable: number[] } {
  const locations = thread.frameTable.data.map((row) => thread.stringTable[cell(thread.frameTable, row, 'location') as number] ?? '');
  const extension: boolean[] = [];
  const runnable: number[] = [];
  // A stack's prefix (the stack one frame shorter) comes before it in the table.
  for (const row of thread.stackTable.data) {
    const frame = cell(thread.stackTable, row, 'frame') as number;
    const prefix = cell(thread.stackTable, row, 'prefix');
    const parent = typeof prefix === 'number' ? prefix : -1;
    extension.push(isExtension(locations[frame]!) || extension[parent] === true);
    const parentFrame = parent < 0 ? -1 : (cell(thread.stackTable, thread.stackTable.data[parent]!, 'frame') as number);
    const own = locations[frame] === MICROTASKS ? -2 : frame;
    runnable.push(parent >= 0 && runnable[parent] !== -1 ? runnable[parent]! : locations[parentFrame] === 'XRE_InitChildProcess' ? own : -1);
  }
  return { extension, runnable };
}

/** The thread's awake spans, [start, end] in ms, from its Awake markers (a start and an end marker each). */
function awakeSpans(thread: GeckoThread): [number, number][] {
  const spans: [number, number][] = [];
  let start: number | null = null;
  for (const row of thread.markers.data) {
    if (thread.stringTable[cell(thread.markers, row, 'name') as number] !== 'Awake') continue;
    const phase = cell(thread.markers, row, 'phase');
    if (phase === 2) start = cell(thread.markers, row, 'startTime') as number;
    if (phase === 3 && start !== null) spans.push([start, cell(thread.markers, row, 'endTime') as number]);
    if (phase === 3) start = null;
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * Whether a Gecko frame's location is Firefox putting a content script into a page: the process
 * script's loadContentScript and ExtensionContent.sys.mjs (the script's sandbox, its compilation and
 * the call that runs it). They run in the page's process on behalf of the one extension loaded, and
 * are what an empty content script costs there; Chromium does the same in C++ outside V8's samples.
 */
export function isGeckoInjectionFrame(location: string): boolean {
  return (
    location.includes('resource://gre/modules/ExtensionContent.sys.mjs') ||
    location.startsWith('loadContentScript (resource://gre/modules/ExtensionProcessScript.sys.mjs')
  );
}

/**
 * The main-thread tasks of content process `pid` in `profile`, with `at` measured from the page's
 * `performance.mark(mark)`. `isExtension(location)` says whether a frame's location string (e.g.
 * "fn (moz-extension://uuid/full-stage.js:1:2)") is the extension's.
 */
export function geckoTasks(profile: GeckoProfile, pid: number, mark: string, isExtension: (location: string) => boolean): Task[] {
  const found = findGeckoMainThread(profile, pid);
  if (!found) throw new Error(`Gecko profile: no main thread for process ${pid}`);
  const { thread, process } = found;
  const marked = thread.markers.data.find(
    (row) =>
      thread.stringTable[cell(thread.markers, row, 'name') as number] === 'UserTiming' &&
      (cell(thread.markers, row, 'data') as { name?: string })?.name === mark,
  );
  if (!marked) throw new Error(`Gecko profile: no performance.mark "${mark}"`);
  const markAt = cell(thread.markers, marked, 'startTime') as number;
  const perMs = { ns: 1e6, µs: 1e3, us: 1e3 }[process.meta.sampleUnits?.threadCPUDelta ?? ''];
  if (!perMs) throw new Error('Gecko profile: no thread CPU time in the samples (start the profiler with the "cpu" feature)');
  const capMs = 2 * process.meta.interval;
  const stacks = readStacks(thread, isExtension);
  const spans = awakeSpans(thread);
  const tasks: Task[] = [];
  let task = null as (Task & { runnable: number; span: number; end: number }) | null;
  let span = 0;
  for (const row of thread.samples.data) {
    const time = cell(thread.samples, row, 'time') as number;
    const stack = cell(thread.samples, row, 'stack');
    while (span < spans.length && spans[span]![1] < time) span += 1;
    const awake = span < spans.length && spans[span]![0] <= time;
    let runnable = typeof stack === 'number' ? stacks.runnable[stack]! : -1;
    if (runnable === -2 && task?.span === span) runnable = task.runnable;
    if (task && (!awake || task.span !== span || task.runnable !== runnable)) {
      tasks.push({ at: task.at, wallMs: task.end - markAt - task.at, cpuMs: task.cpuMs, extensionMs: task.extensionMs });
      task = null;
    }
    if (!awake || runnable === -1) continue;
    task ??= { at: time - markAt, wallMs: 0, cpuMs: 0, extensionMs: 0, runnable, span, end: time };
    const cpuMs = Math.min(capMs, ((cell(thread.samples, row, 'threadCPUDelta') as number | null) ?? 0) / perMs);
    task.cpuMs += cpuMs;
    if (stacks.extension[stack as number]) task.extensionMs += cpuMs;
    task.end = time;
  }
  if (task) tasks.push({ at: task.at, wallMs: task.end - markAt - task.at, cpuMs: task.cpuMs, extensionMs: task.extensionMs });
  return tasks;
}
