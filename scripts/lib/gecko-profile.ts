/**
 * What every reader of a Gecko profile (Services.profiler.dumpProfileToFileAsync) needs: a table's
 * columns by name, and the main thread of one content process. The bench's attribution
 * (scripts/bench/attribution.ts) and the task reader (gecko-tasks.ts) each declare the parts of a
 * profile they read; both look things up through these.
 */

/** One of a thread's tables: rows, and each column's index by name in `schema`. */
export interface GeckoTable {
  schema: Record<string, number>;
  data: unknown[][];
}

/** The index of column `name` in `table`; throws where the profile's format has no such column. */
export function geckoColumn(table: GeckoTable, name: string): number {
  const index = table.schema[name];
  if (index === undefined) throw new Error(`Gecko profile: a table has no "${name}" column`);
  return index;
}

/** What finding a process's main thread reads of a profile: each process's threads, child processes under `processes`. */
interface ProcessTree<P> {
  threads: { name: string; pid?: number | string }[];
  processes?: P[];
}

/**
 * The main thread ("GeckoMain") of process `pid`, with the profile of the process it is in (for its
 * start time and sampling units), searched through `profile` and every child process; null if none.
 */
export function findGeckoMainThread<P extends ProcessTree<P>>(profile: P, pid: number | string): { thread: P['threads'][number]; process: P } | null {
  for (const process of [profile, ...(profile.processes ?? [])]) {
    const thread = process.threads.find((t) => t.name === 'GeckoMain' && String(t.pid) === String(pid));
    if (thread) return { thread, process };
    // A deeper nesting is not written by Firefox today, but costs nothing to follow.
    if (process !== profile && process.processes?.length) {
      const found = findGeckoMainThread(process, pid);
      if (found) return found;
    }
  }
  return null;
}
