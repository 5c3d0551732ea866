/** Marked mentions kept in document order without sorting them all, and found by text position. */
import type { TextSpot } from './mark-renderer';

/** The mention in `list` (in order of their offsets) that holds `offset`, found by halving. */
export function mentionIn<M extends TextSpot>(list: readonly M[] | undefined, offset: number): M | undefined {
  if (!list) return undefined;
  let [low, high] = [0, list.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]!.end < offset) low = mid + 1;
    else high = mid;
  }
  const m = list[low];
  return m && m.start <= offset ? m : undefined;
}

/**
 * The text nodes that hold marked mentions, kept in document order without sorting them all: the
 * first pass meets them in order; the few the page adds later are put in place when someone asks.
 */
export function mentionOrder<M>(byNode: Map<Text, { marked: M[] }>): { add(node: Text, inOrder: boolean): void; changed(): void; all(): M[] } {
  let nodes: Text[] = [];
  let later: Text[] = [];
  let all: M[] | null = [];
  return {
    add(node, inOrder) {
      (inOrder ? nodes : later).push(node);
    },
    changed: () => {
      all = null;
    },
    all() {
      if (all) return all;
      // Forgotten nodes go; a node forgotten and found again is placed again.
      const placed = new Set<Text>();
      const isMarked = (node: Text): boolean => (byNode.get(node)?.marked.length ?? 0) > 0;
      nodes = nodes.filter((node) => isMarked(node) && !placed.has(node) && placed.add(node));
      for (const node of later) {
        if (!isMarked(node) || placed.has(node)) continue;
        nodes.splice(placeOf(nodes, node), 0, node);
        placed.add(node);
      }
      later = [];
      all = nodes.flatMap((node) => byNode.get(node)!.marked);
      return all;
    },
  };
}

/** Where `node` goes in `nodes` (in document order), found by halving. */
function placeOf(nodes: Text[], node: Text): number {
  let [low, high] = [0, nodes.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (nodes[mid]!.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) low = mid + 1;
    else high = mid;
  }
  return low;
}
