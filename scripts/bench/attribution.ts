/**
 * The bench: turning a profile of the page's main thread into "the extension's milliseconds".
 * A sample is the extension's when any frame on its stack comes from the extension's origin (its
 * own functions, and the DOM calls, style and layout work and garbage collection they cause, which
 * both profilers record under the calling script's frame), and it belongs to the script of the
 * extension frame nearest the top of the stack (first-stage.js or full-stage.js). A sample stands
 * for the time until the next sample. Pure functions over the profilers' JSON, so they can be
 * tested on small profiles.
 */
import { findGeckoMainThread, geckoColumn, type GeckoTable } from '../lib/gecko-profile';

/** What a profile says about the extension. */
export interface Attribution {
  /** Time of the samples with an extension frame, in ms. */
  ms: number;
  /** How many samples had an extension frame. */
  samples: number;
  /** How many samples were looked at (all of the thread's, after `fromEpochMs` for Gecko). */
  totalSamples: number;
  /** Time covered by the samples looked at, in ms. */
  spanMs: number;
  /** `ms` split by the extension's script file (e.g. "first-stage.js"), in ms. */
  byScript: Record<string, number>;
}

/**
 * The extension file a frame's URL or Gecko location string names, e.g. "first-stage.js" in
 * "chrome-extension://ID/first-stage.js" or "run (moz-extension://UUID/first-stage.js:1:15)[1]".
 */
export function scriptOf(location: string): string {
  return /[a-z]+-extension:\/\/[^/\s]+\/([^\s:()[\]]+)/.exec(location)?.[1] ?? '?';
}

/** Adds `ms` to `script`'s share. */
const addTo = (byScript: Record<string, number>, script: string, ms: number): void => {
  byScript[script] = (byScript[script] ?? 0) + ms;
};

// ---------------------------------------------------------------------------------------------
// Chromium: the V8 CPU profile that CDP's Profiler.stop returns.

/** The parts of CDP's `Profiler.Profile` used here (times in microseconds). */
export interface CdpProfile {
  nodes: { id: number; callFrame: { url: string; functionName?: string }; children?: number[]; parent?: number }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * The extension's time in a V8 CPU profile. `isExtension(url)` says whether a script URL is the
 * extension's (e.g. it starts with `chrome-extension://<id>/`). `timeDeltas[i]` is the time from
 * sample i-1 to sample i, so sample i's time is `timeDeltas[i + 1]`, and the last sample's runs to
 * `endTime`.
 */
export function cdpExtensionTime(profile: CdpProfile, isExtension: (url: string) => boolean): Attribution {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    if (node.parent !== undefined) parent.set(node.id, node.parent);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  // The script of the extension frame nearest to a node (itself or above it), or null: worked out once per node.
  const script = new Map<number, string | null>();
  const scriptAt = (id: number): string | null => {
    const path: number[] = [];
    let answer: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const known = script.get(at);
      if (known !== undefined) {
        answer = known;
        break;
      }
      path.push(at);
      const url = byId.get(at)?.callFrame.url ?? '';
      if (isExtension(url)) {
        answer = scriptOf(url);
        break;
      }
    }
    // Every node passed on the way up is below the answer's frame, with no extension frame of its own.
    for (const at of path) script.set(at, answer);
    return answer;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let last = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) last += deltas[i] ?? 0;
  let us = 0;
  let count = 0;
  const byScript: Record<string, number> = {};
  for (let i = 0; i < samples.length; i += 1) {
    const owner = scriptAt(samples[i]!);
    if (owner === null) continue;
    count += 1;
    const sampleUs = i + 1 < samples.length ? (deltas[i + 1] ?? 0) : Math.max(0, profile.endTime - last);
    us += sampleUs;
    addTo(byScript, owner, sampleUs / 1000);
  }
  return { ms: us / 1000, samples: count, totalSamples: samples.length, spanMs: (profile.endTime - profile.startTime) / 1000, byScript };
}

// ---------------------------------------------------------------------------------------------
// Firefox: the Gecko profiler's own JSON format (what Services.profiler.dumpProfileToFileAsync
// writes). Each process is a profile with `meta` and `threads`; child processes are listed under
// the parent's `processes`. A thread's tables are {schema: {column: index}, data: rows}.

export interface GeckoThread {
  name: string;
  pid?: number | string;
  samples: GeckoTable;
  stackTable: GeckoTable;
  frameTable: GeckoTable;
  stringTable?: string[];
}

export interface GeckoProfile {
  meta: { startTime: number; interval: number };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
  /** Newer formats may share one string table among threads. */
  shared?: { stringArray?: string[] };
}

export interface GeckoOptions {
  /** The content process whose main thread to read. */
  pid: number | string;
  /** Whether a frame's location string is the extension's (e.g. it holds `moz-extension://<uuid>/`). */
  isExtension: (location: string) => boolean;
  /** Only samples taken at or after this time (ms since the epoch) count, e.g. the page's timeOrigin. */
  fromEpochMs?: number;
}

/**
 * The extension's time on the main thread of one content process in a Gecko profile. A sample's
 * stack is an index into the stack table, whose rows are (prefix stack, frame); a frame's
 * location is an index into the string table, e.g. "fn (moz-extension://uuid/content.js:1:2)".
 * Sample times are ms since the process's `meta.startTime`; a sample stands for the time to the
 * next one, the last for one sampling interval.
 */
export function geckoExtensionTime(profile: GeckoProfile, options: GeckoOptions): Attribution {
  const found = findGeckoMainThread(profile, options.pid);
  if (!found) throw new Error(`Gecko profile: no GeckoMain thread for process ${options.pid}`);
  const { thread, process } = found;
  const strings = thread.stringTable ?? profile.shared?.stringArray ?? [];
  const frameLocation = geckoColumn(thread.frameTable, 'location');
  // Each frame's extension script, or null for a frame that is not the extension's.
  const frameScript = thread.frameTable.data.map((row) => {
    const location = row[frameLocation];
    const text = typeof location === 'number' ? (strings[location] ?? '') : '';
    return options.isExtension(text) ? scriptOf(text) : null;
  });
  const prefixColumn = geckoColumn(thread.stackTable, 'prefix');
  const frameColumn = geckoColumn(thread.stackTable, 'frame');
  const stacks = thread.stackTable.data;
  // Each stack's nearest extension script. A stack's prefix always comes before it in the table,
  // so one pass in order settles them all.
  const stackScript: (string | null)[] = [];
  for (let i = 0; i < stacks.length; i += 1) {
    const row = stacks[i]!;
    const prefix = row[prefixColumn];
    const frame = row[frameColumn];
    const own = typeof frame === 'number' ? (frameScript[frame] ?? null) : null;
    const inherited =
      typeof prefix !== 'number' ? null : prefix < i ? (stackScript[prefix] ?? null) : nearestScript(stacks, prefix, prefixColumn, frameColumn, frameScript);
    stackScript.push(own ?? inherited);
  }
  const stackColumn = geckoColumn(thread.samples, 'stack');
  const timeColumn = geckoColumn(thread.samples, 'time');
  const rows = thread.samples.data;
  const from = options.fromEpochMs === undefined ? -Infinity : options.fromEpochMs - process.meta.startTime;
  const interval = process.meta.interval || profile.meta.interval || 1;
  let ms = 0;
  let count = 0;
  let total = 0;
  const byScript: Record<string, number> = {};
  let first: number | null = null;
  let end = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const time = rows[i]![timeColumn] as number;
    if (time < from) continue;
    const next = i + 1 < rows.length ? (rows[i + 1]![timeColumn] as number) : time + interval;
    first ??= time;
    end = next;
    total += 1;
    const stack = rows[i]![stackColumn];
    const owner = typeof stack === 'number' ? stackScript[stack] : null;
    if (owner) {
      count += 1;
      ms += next - time;
      addTo(byScript, owner, next - time);
    }
  }
  return { ms, samples: count, totalSamples: total, spanMs: first === null ? 0 : end - first, byScript };
}

/** The slow path for a table whose prefixes are not in order (Firefox writes them in order). */
function nearestScript(stacks: unknown[][], start: number, prefixColumn: number, frameColumn: number, frameScript: (string | null)[]): string | null {
  const seen = new Set<number>();
  for (let at: unknown = start; typeof at === 'number' && !seen.has(at); at = stacks[at]?.[prefixColumn]) {
    seen.add(at);
    const frame = stacks[at]?.[frameColumn];
    const script = typeof frame === 'number' ? frameScript[frame] : null;
    if (script) return script;
  }
  return null;
}
