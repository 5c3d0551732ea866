/**
 * Where the article's reading text is on screen: the boxes of the blocks (paragraphs, list items,
 * headings) that hold its text, as the annotator and the detector scope it (no navigation, asides,
 * captions or hidden parts). Read once the page is laid out (see panel.ts): each box is then one
 * look-up, not a layout.
 */
import { textWalker } from '../../shared/dom';
import { blockOf, scopeChecker } from '../full-stage/boilerplate';
import { isLong } from '../full-stage/long-text';
import type { Box } from './placement';

/** The most blocks measured: a column's edges show in its first paragraphs, and a huge page costs what a short one does. */
const MAX_BLOCKS = 300;
/** The most text nodes looked at, for pages whose text is many nodes in a few blocks. */
const MAX_NODES = 3_000;

/** The boxes of the blocks holding `root`'s reading text, in document order, at most MAX_BLOCKS. */
export function readingTextBoxes(root: Element): Box[] {
  const walker = textWalker(root);
  const inScope = scopeChecker(root);
  const seen = new Set<Element>();
  const boxes: Box[] = [];
  for (let node = walker.nextNode() as Text | null, n = 0; node && n < MAX_NODES && seen.size < MAX_BLOCKS; node = walker.nextNode() as Text | null, n += 1) {
    const parent = node.parentElement;
    if (!parent || !inScope(parent) || !(isLong(node) || /\S/.test(node.data))) continue;
    const block = blockOf(parent, root);
    if (seen.has(block)) continue;
    seen.add(block);
    const { left, top, right, bottom } = block.getBoundingClientRect();
    // Nothing drawn (display: none) or text for screen readers only (a clipped 1 px box).
    if (right - left >= 2 && bottom - top >= 2) boxes.push({ left, top, right, bottom });
  }
  return boxes;
}
