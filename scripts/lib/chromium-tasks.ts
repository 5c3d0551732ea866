/**
 * Chromium's main-thread tasks of a page, read from a DevTools trace of the browser, with the CPU
 * time each took and the part of it that was the extension's (main-thread-tasks.ts says what a
 * task is). A pure function over the trace's events; task-recorder.ts records the trace.
 *
 * A task is a RunTask event, its CPU time the event's thread time (`tdur`). The extension's part
 * adds two things, and counts nothing twice:
 * - the thread time of each evaluation of one of the extension's scripts in the task (an event of
 *   EVALUATIONS naming the script's address): a content script's compile and top-level run, with
 *   all it calls, however short it is. V8's samples come about every 0.17 ms and often miss a
 *   script that runs for less (the bench's floor runs for about 0.25 ms);
 * - the rest of the task's CPU time, shared out over V8's samples in the task outside those
 *   evaluations: the share of them with a frame of the extension's scripts on the stack (its
 *   callbacks and message replies, and the DOM calls, style and layout they force, which V8 records
 *   under the calling frame).
 */
import type { Task } from './main-thread-tasks';

/**
 * The trace categories this reads: RunTask (disabled-by-default-devtools.timeline), the script
 * evaluations (devtools.timeline), V8's samples (disabled-by-default-v8.cpu_profiler) and the page's
 * performance.mark (blink.user_timing).
 */
export const CHROMIUM_TRACE_CATEGORIES = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/** One event of a trace's `traceEvents`; times in µs, `tdur` the thread's CPU time. */
export interface TraceEvent {
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
 * The events of a script's evaluation, with its address in `args.data.url` (seen in Chromium
 * 156's traces): EvaluateScript, a classic script's compile and top-level run, which content
 * scripts are; and V8's compile events, which come inside it, or alone for a module.
 */
const EVALUATIONS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule']);

/** `events` in time order, without those that start inside an earlier one (a nested run loop's task, a compile inside an evaluation). */
function outermost(events: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const event of [...events].sort((a, b) => a.ts - b.ts)) {
    if (event.ts < end) continue;
    kept.push(event);
    end = event.ts + (event.dur ?? 0);
  }
  return kept;
}

/**
 * V8's samples of one thread in time order, each with whether its stack holds a frame of the
 * extension's scripts: a Profile event opens them, ProfileChunk events (from the profiler's own
 * thread, matched by the profile's id) hold new nodes, sample ids and time deltas.
 */
function readSamples(events: TraceEvent[], pid: number, tid: number, isExtension: (url: string) => boolean): { ts: number; extension: boolean }[] {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) throw new Error('Chromium trace: no V8 profile of the page (category disabled-by-default-v8.cpu_profiler)');
  const nodes = new Map<number, CpuProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  let ts = profile.args?.data?.startTime as number;
  for (const chunk of events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id)) {
    const data = chunk.args?.data as { cpuProfile?: { nodes?: CpuProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    (data.cpuProfile?.samples ?? []).forEach((node, i) => {
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
  return samples.sort((a, b) => a.ts - b.ts).map((sample) => ({ ts: sample.ts, extension: extensionNode(sample.node) }));
}

const threadMs = (event: TraceEvent): number => (event.tdur ?? event.dur ?? 0) / 1000;
const endOf = (event: TraceEvent): number => event.ts + (event.dur ?? 0);

/**
 * The main-thread tasks of the renderer where the page called `performance.mark(mark)`, with `at`
 * measured from that mark. `isExtension(url)` says whether a script's address is the extension's.
 */
export function chromiumTasks(events: TraceEvent[], mark: string, isExtension: (url: string) => boolean): Task[] {
  const marked = events.find((e) => e.name === mark && e.ph !== 'M');
  if (!marked) throw new Error(`Chromium trace: no performance.mark "${mark}"`);
  const { pid, tid } = marked;
  const onThread = (e: TraceEvent) => e.ph === 'X' && e.pid === pid && e.tid === tid;
  const samples = readSamples(events, pid, tid, isExtension);
  const evaluations = outermost(events.filter((e) => onThread(e) && EVALUATIONS.has(e.name) && isExtension(String(e.args?.data?.url ?? ''))));
  const tasks: Task[] = [];
  let next = 0;
  for (const task of outermost(events.filter((e) => onThread(e) && e.name === 'RunTask'))) {
    const end = endOf(task);
    const evaluated = evaluations.filter((e) => e.ts >= task.ts && e.ts < end);
    const inEvaluation = (ts: number) => evaluated.some((e) => ts >= e.ts && ts <= endOf(e));
    while (next < samples.length && samples[next]!.ts < task.ts) next += 1;
    let outside = 0;
    let extension = 0;
    for (let i = next; i < samples.length && samples[i]!.ts <= end; i += 1) {
      if (inEvaluation(samples[i]!.ts)) continue;
      outside += 1;
      if (samples[i]!.extension) extension += 1;
    }
    const cpuMs = threadMs(task);
    const evaluatedMs = Math.min(
      cpuMs,
      evaluated.reduce((sum, e) => sum + threadMs(e), 0),
    );
    const sampledMs = outside ? ((cpuMs - evaluatedMs) * extension) / outside : 0;
    tasks.push({ at: (task.ts - marked.ts) / 1000, wallMs: (task.dur ?? 0) / 1000, cpuMs, extensionMs: evaluatedMs + sampledMs });
  }
  return tasks;
}
