import { describe, expect, it } from 'vitest';
import { EDGE, GAP, tabLift, widthBeside, type Box } from '../../../../src/content/panel/placement';

/** A window of `width` x `height` CSS px, scrolled to its top, not zoomed. */
const area = (width: number, height: number) => ({ left: 0, top: 0, width, height });
/** A column of text from `left` to `right`, `top` to `bottom`. */
const column = (left: number, right: number, top = 100, bottom = 3_000): Box => ({ left, top, right, bottom });
/** Paragraphs of a column, each `height` px tall with `gap` px between them, from `top` down. */
const paragraphs = (left: number, right: number, top: number, count: number, height = 90, gap = 20): Box[] =>
  Array.from({ length: count }, (_, i) => ({ left, right, top: top + i * (height + gap), bottom: top + i * (height + gap) + height }));

describe('widthBeside', () => {
  it.each([
    // [what, window width, text's right edge, the panel's full width, width beside the text or null]
    ['a 1920 px window beside a centred 700 px column: its full width', 1920, 1310, 380, 380],
    ['a 1440 px window beside a centred 700 px column: a little narrower', 1440, 1070, 380, 338],
    ['a 1280 px window beside a centred 700 px column: no room (it would be 232 px)', 1280, 990, 380, null],
    ['the narrowest allowed, 80 % of its width', 1280, 1280 - EDGE - GAP - 304, 380, 304],
    ['a pixel narrower than that', 1280, 1280 - EDGE - GAP - 303, 380, null],
    ['text across the window', 1280, 1256, 380, null],
    ['text wider than the window', 1280, 1600, 380, null],
    ['a reader who set larger text (a 475 px panel) beside a 1440 px window', 1440, 1070, 475, null],
  ])('%s', (_what, width, right, openWidth, expected) => {
    expect(widthBeside(area(width, 800), [column(right - 700, right)], openWidth)).toBe(expected);
  });

  it('counts every box of the text, however far down the page: one wide table makes room for none', () => {
    expect(widthBeside(area(1920, 1080), [column(610, 1310), column(400, 1700, 5_000, 5_400)], 380)).toBeNull();
  });

  it('opens at full width on a page with no text to keep clear of', () => {
    expect(widthBeside(area(1280, 800), [], 380)).toBe(380);
  });

  it('measures from the visible part of the window when it is zoomed and panned', () => {
    const zoomed = { left: 600, top: 0, width: 700, height: 500 };
    expect(widthBeside(zoomed, [column(300, 900)], 380)).toBe(368);
    expect(widthBeside(zoomed, [column(300, 1000)], 380)).toBeNull();
  });
});

describe('tabLift', () => {
  const tab = { width: 314, height: 45 };

  it('leaves the tab at the bottom right where the text is clear of it', () => {
    expect(tabLift(area(1280, 800), paragraphs(290, 900, 100, 8), tab)).toBe(0);
  });

  it('lifts it above the text in view: into the gap over the first paragraph', () => {
    // The window's right edge is clear from 0 to 300 px only: the tab's bottom goes GAP above the text.
    const text = paragraphs(24, 1256, 300, 6);
    const lift = tabLift(area(1280, 800), text, tab);
    expect(lift).toBe(800 - EDGE - (300 - GAP));
    const bottom = 800 - EDGE - lift;
    expect(bottom - tab.height).toBeGreaterThanOrEqual(EDGE);
  });

  it('finds the lowest free place between paragraphs, when one is tall enough', () => {
    const text = [...paragraphs(24, 1256, 100, 2), ...paragraphs(24, 1256, 500, 3)];
    // The second paragraph ends at 300 and the third starts at 500: 200 px free, room for 45 px and the gaps.
    expect(tabLift(area(1280, 800), text, tab)).toBe(800 - EDGE - (500 - GAP));
  });

  it('ignores text that is not beside the right edge (a narrow column) or out of view', () => {
    const text = [column(24, 700, 0, 800), column(24, 1256, 900, 2_000), column(24, 1256, -500, -10)];
    expect(tabLift(area(1280, 800), text, tab)).toBe(0);
  });

  it('stays at the bottom right where text fills the right edge from top to bottom (no free place at all)', () => {
    expect(tabLift(area(1280, 800), paragraphs(24, 1256, 0, 8, 90, 10), tab)).toBe(0);
    expect(tabLift(area(1280, 800), [column(24, 1256, 0, 5_000)], tab)).toBe(0);
  });

  it('never lifts it above the top of the window', () => {
    // Text from 40 px down: above it there is no room for a 45 px tab with its margins.
    expect(tabLift(area(1280, 800), [column(24, 1256, 40, 5_000)], tab)).toBe(0);
  });
});
