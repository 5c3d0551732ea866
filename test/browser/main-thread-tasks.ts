/**
 * The tasks of a page's main thread, read from a profile, with the CPU time each took and the part
 * of it that was the extension's. Pure functions over Chromium's trace JSON and Firefox's Gecko
 * profile JSON; task-recorder.ts records them.
 *
 * CPU time, not wall time: a thread the OS holds off the CPU (another process on a busy machine)
 * takes longer by the clock but not by its CPU time, so a figure here is the work done, whatever
 * else the machine does. A task's extension part is its CPU time shared out over its profiler
 * samples: the samples with a frame of the extension's scripts on the stack (its own code and the
 * DOM calls, style and layout it forces, which the profilers record under the calling frame).
 */

/** One task of the page's main thread; times in ms. */
export interface Task {
  /** When it started, ms from `mark` (negative before it). */
  at: number;
  wallMs: number;
  cpuMs: number;
  /** The extension's part of `cpuMs`. */
  extensionMs: number;
}

/** What a recording says: every task, and when the page's mark was made (the tasks' `at` counts from it). */
export interface TaskRecord {
  tasks: Task[];
}

// ---------------------------------------------------------------------------------------------
// Chromium: a trace with the categories devtools.timeline (RunTask: one per task, with thread
// time `tdur`), disabled-by-default-v8.cpu_profiler (V8's samples) and blink.user_timing (the
// page's performance.mark). Trace times are µs.

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { data?: Record<string, unknown> };
}

interface CpuProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/**
 * The main-thread tasks of the renderer where the page called `performance.mark(mark)`, with at
 * measured from that mark. `isExtension(url)` says whether a script URL is the extension's.
 */
export function chromiumTasks(events: TraceEvent[], mark: string, isExtension: (url: string) => boolean): Task[] {
  const marked = events.find((e) => e.name === mark && e.ph !== 'M');
  if (!marked) throw new Error(`Chromium trace: no performance.mark "${mark}"`);
  const { pid, tid } = marked;
  // V8's samples for that thread: a Profile event opens them, ProfileChunk events (from the
  // profiler's own thread, matched by the profile's id) hold new nodes, sample ids and time deltas.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) throw new Error('Chromium trace: no V8 profile of the page (category disabled-by-default-v8.cpu_profiler)');
  const nodes = new Map<number, CpuProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let ts = profile.args?.data?.startTime as number;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
    const data = chunk.args?.data as { cpuProfile?: { nodes?: CpuProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    ids.forEach((node, i) => {
      ts += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts, node });
    });
  }
  const known = new Map<number, boolean>();
  const extensionNode = (id: number): boolean => {
    let answer = known.get(id);
    if (answer === undefined) {
      const node = nodes.get(id);
      answer = !!node && (isExtension(node.callFrame.url ?? '') || (node.parent !== undefined && extensionNode(node.parent)));
      known.set(id, answer);
    }
    return answer;
  };
  samples.sort((a, b) => a.ts - b.ts);
  const runTasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts);
  const tasks: Task[] = [];
  let end = -Infinity;
  let next = 0;
  for (const task of runTasks) {
    // A task run inside another (a nested run loop) is part of it.
    if (task.ts < end) continue;
    end = task.ts + (task.dur ?? 0);
    while (next < samples.length && samples[next]!.ts < task.ts) next += 1;
    let all = 0;
    let own = 0;
    for (let i = next; i < samples.length && samples[i]!.ts <= end; i += 1) {
      all += 1;
      if (extensionNode(samples[i]!.node)) own += 1;
    }
    const cpuMs = (task.tdur ?? task.dur ?? 0) / 1000;
    tasks.push({ at: (task.ts - marked.ts) / 1000, wallMs: (task.dur ?? 0) / 1000, cpuMs, extensionMs: all ? (cpuMs * own) / all : 0 });
  }
  return tasks;
}

// ---------------------------------------------------------------------------------------------
// Firefox: a Gecko profile (Services.profiler.dumpProfileToFileAsync) taken with the features js
// and cpu. A process is a profile with `meta` and `threads`, children under `processes`; a table is
// {schema: {column: index}, data: rows}. The main thread's "Awake" markers are its tasks: a start
// marker when it wakes and an end marker, holding the CPU time, when it waits again (tasks queued
// back to back share one, so a figure here can only be too high). Times are ms from the process's
// start; threadCPUDelta is the thread's CPU time since the previous sample.

interface GeckoTable {
  schema: Record<string, number>;
  data: unknown[][];
}

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
  meta: { sampleUnits?: { threadCPUDelta?: string } };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

const cell = (table: GeckoTable, row: unknown[], name: string): unknown => {
  const index = table.schema[name];
  if (index === undefined) throw new Error(`Gecko profile: a table has no "${name}" column`);
  return row[index];
};

/** Whether each stack of `thread` has a frame whose location `isExtension` accepts (prefixes come before their stacks). */
function extensionStacks(thread: GeckoThread, isExtension: (location: string) => boolean): boolean[] {
  const frames = thread.frameTable.data.map((row) => isExtension(thread.stringTable[cell(thread.frameTable, row, 'location') as number] ?? ''));
  const stacks: boolean[] = [];
  for (const row of thread.stackTable.data) {
    const prefix = cell(thread.stackTable, row, 'prefix');
    stacks.push(frames[cell(thread.stackTable, row, 'frame') as number] === true || (typeof prefix === 'number' && stacks[prefix] === true));
  }
  return stacks;
}

/**
 * The main-thread tasks of content process `pid` in `profile`, with at measured from the page's
 * `performance.mark(mark)`. `isExtension(location)` says whether a frame's location string (e.g.
 * "fn (moz-extension://uuid/full-stage.js:1:2)") is the extension's.
 */
export function geckoTasks(profile: GeckoProfile, pid: number, mark: string, isExtension: (location: string) => boolean): Task[] {
  const all = (p: GeckoProfile): GeckoProfile[] => [p, ...(p.processes ?? []).flatMap(all)];
  const process = all(profile).find((p) => p.threads.some((t) => t.name === 'GeckoMain' && String(t.pid) === String(pid)));
  const thread = process?.threads.find((t) => t.name === 'GeckoMain' && String(t.pid) === String(pid));
  if (!process || !thread) throw new Error(`Gecko profile: no main thread for process ${pid}`);
  const markers = thread.markers.data.map((row) => ({
    name: thread.stringTable[cell(thread.markers, row, 'name') as number],
    start: cell(thread.markers, row, 'startTime') as number,
    end: cell(thread.markers, row, 'endTime') as number,
    phase: cell(thread.markers, row, 'phase') as number,
    data: (cell(thread.markers, row, 'data') ?? {}) as Record<string, unknown>,
  }));
  const marked = markers.find((m) => m.name === 'UserTiming' && m.data.name === mark);
  if (!marked) throw new Error(`Gecko profile: no performance.mark "${mark}"`);
  const perMs = { ns: 1e6, µs: 1e3, us: 1e3 }[process.meta.sampleUnits?.threadCPUDelta ?? ''];
  if (!perMs) throw new Error('Gecko profile: no thread CPU time in the samples (start the profiler with the "cpu" feature)');
  const stacks = extensionStacks(thread, isExtension);
  const samples = thread.samples.data.map((row) => ({
    time: cell(thread.samples, row, 'time') as number,
    own: stacks[cell(thread.samples, row, 'stack') as number] === true,
    cpuMs: ((cell(thread.samples, row, 'threadCPUDelta') as number | null) ?? 0) / perMs,
  }));
  const tasks: Task[] = [];
  let awake: number | null = null;
  let next = 0;
  for (const m of markers.filter((m) => m.name === 'Awake').sort((a, b) => (a.phase === 3 ? a.end : a.start) - (b.phase === 3 ? b.end : b.start))) {
    if (m.phase === 2) awake = m.start;
    if (m.phase !== 3 || awake === null) continue;
    let extensionMs = 0;
    while (next < samples.length && samples[next]!.time <= awake) next += 1;
    for (; next < samples.length && samples[next]!.time <= m.end; next += 1) if (samples[next]!.own) extensionMs += samples[next]!.cpuMs;
    tasks.push({ at: awake - marked.start, wallMs: m.end - awake, cpuMs: Number(m.data['CPU Time'] ?? 0), extensionMs });
    awake = null;
  }
  return tasks;
}
