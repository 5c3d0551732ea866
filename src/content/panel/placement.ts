/**
 * Where the panel goes when it appears by itself: open beside the article's text where the window
 * has room for it there, else as the small tab, put where no line of the text is as the page
 * stands. Pure: it takes the boxes reading-text.ts measured and the panel's size, and returns
 * numbers (place-panel.ts applies them).
 */
import type { VisibleArea } from './viewport';

/** A box in the coordinates of getBoundingClientRect (the layout viewport's). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The panel's distance from the window's edges, in CSS px (as panel-style.ts sets it). */
export const EDGE = 16;
/** The least space kept between the panel and the article's text, in CSS px. */
export const GAP = 16;
/** How far the panel may narrow to fit beside the text: to this share of its full width (380 px at the default text size). */
export const NARROWEST = 0.8;

/** The right edge of the text, or -Infinity when there is none. */
const rightOf = (text: readonly Box[]): number => text.reduce((right, box) => Math.max(right, box.right), -Infinity);

/**
 * The panel's width beside the text, or null where the window's right margin cannot hold it at
 * NARROWEST of its full width. Every box of the text counts, wherever it is down the page: the
 * panel stays in place while the reader scrolls, so it must stay clear of the whole column.
 */
export function widthBeside(area: VisibleArea, text: readonly Box[], openWidth: number): number | null {
  const room = area.left + area.width - EDGE - Math.max(rightOf(text) + GAP, area.left + EDGE);
  const width = Math.min(openWidth, room);
  return width >= openWidth * NARROWEST ? Math.floor(width) : null;
}

/** Whether two boxes overlap by more than half a pixel either way. */
const overlap = (a: Box, b: Box): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/**
 * How far to lift the tab from the bottom right so that no box of the text in view lies under it
 * (with GAP to spare above and below): the lowest free place along the window's right edge. Where
 * the right edge has no free place at all (text across the whole window, from top to bottom), 0:
 * the tab stays at the bottom right, over the ends of one or two lines, as on phones.
 */
export function tabLift(area: VisibleArea, text: readonly Box[], tab: { width: number; height: number }): number {
  const right = area.left + area.width - EDGE;
  const top = area.top + EDGE;
  const lowest = area.top + area.height - EDGE;
  const column = { left: right - tab.width - GAP, right };
  const inView = text.filter((box) => box.bottom > top && box.top < lowest && box.right > column.left && box.left < column.right);
  const isFree = (bottom: number): boolean => {
    const place = { ...column, top: bottom - tab.height - GAP, bottom: bottom + GAP };
    return bottom - tab.height >= top - 0.5 && !inView.some((box) => overlap(place, box));
  };
  // The tab's bottom at the window's bottom, or just above some box of text: the free places are among these.
  const bottoms = [lowest, ...inView.map((box) => box.top - GAP).filter((bottom) => bottom < lowest)].sort((a, b) => b - a);
  const free = bottoms.find(isFree);
  return free === undefined ? 0 : Math.round(lowest - free);
}
