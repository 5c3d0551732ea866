/** Tells the annotator which parts of the article the page added or rewrote after the first pass. */
import { debounce } from '../debounce';

/**
 * Calls `onChange` with the nodes added or rewritten under `root`, debounced (at most once a
 * second while the page keeps changing). A node changed many times is reported once.
 */
export function watchChanges(root: Element, debounceMs: number, onChange: (nodes: Node[]) => void): { disconnect(): void } {
  let pending = new Set<Node>();
  const report = debounce(
    () => {
      const nodes = [...pending];
      pending = new Set();
      onChange(nodes);
    },
    debounceMs,
    Math.max(debounceMs, 1_000),
  );
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') pending.add(record.target);
      for (const node of record.addedNodes) pending.add(node);
    }
    if (pending.size > 0) report.schedule();
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return {
    disconnect() {
      report.cancel();
      observer.disconnect();
    },
  };
}
