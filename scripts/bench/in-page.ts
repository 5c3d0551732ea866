// Bundled into the benchmark pages: the methods being compared, run in the page itself.
import { runPage } from '../../src/content/page-run';

declare const Mark: new (el: Element) => { mark(terms: string[], options: object): void };

const now = () => performance.now();

/** (a) The floor: a bare TreeWalker over every text node of the body, reading each value. */
function walk(): { ms: number; nodes: number; chars: number } {
  const start = now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    chars += (node.nodeValue ?? '').length;
    nodes += 1;
  }
  return { ms: now() - start, nodes, chars };
}

/**
 * (b) The extension's detection and annotation, called as the content script calls it. `syncMs`
 * is the synchronous first task; `ms` runs until every slice of marking is done; `workMs` is the
 * extension's own share of that.
 */
async function extension(): Promise<{ ms: number; syncMs: number; workMs: number; mentions: number; relevant: boolean }> {
  const start = now();
  const run = runPage(document, location.href);
  const syncMs = now() - start;
  await run.annotator?.idle();
  const ms = now() - start;
  const mentions = run.annotator?.count() ?? 0;
  // The extension's own main-thread time: the first task plus every marking slice (the browser's
  // rendering between slices is not in it; it is in `ms`).
  const workMs = syncMs + (run.annotator?.workMs() ?? 0);
  run.stop();
  return { ms, syncMs, workMs, mentions, relevant: run.verdict.relevant };
}

/** (c) mark.js marking the same terms in the same element. */
function markjs(terms: string[]): Promise<{ ms: number; marks: number }> {
  return new Promise((resolve) => {
    const root = document.querySelector('article')!;
    const start = now();
    new Mark(root).mark(terms, {
      separateWordSearch: false,
      accuracy: 'exactly',
      diacritics: false,
      done: (marks: number) => resolve({ ms: now() - start, marks }),
    });
  });
}

/** What the bench calls in the page. */
export interface BenchApi {
  walk: typeof walk;
  extension: typeof extension;
  markjs: typeof markjs;
}
(globalThis as Record<string, unknown>).__backstoryBench = { walk, extension, markjs } satisfies BenchApi;
