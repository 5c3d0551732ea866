// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findRealPages, medianOf, realPageFiles, type PageRow } from '../../../scripts/bench/measure';

let base: string;
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('the real pages beside the repository', () => {
  it('are looked for in ../shared/real-pages, and missing ones give a reason', () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'backstory-real-'));
    const root = path.join(base, 'repo');
    mkdirSync(root);
    expect(findRealPages(root)).toEqual({ dir: null, reason: expect.stringContaining(path.join(base, 'shared/real-pages')) });
    const dir = path.join(base, 'shared/real-pages');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'README.md'), 'no pages');
    expect(findRealPages(root).reason).toMatch(/holds no \.html file/);
    for (const name of ['b.html', 'a.html', 'c.html', 'd.html', 'e.html']) writeFileSync(path.join(dir, name), '<p>x</p>');
    expect(findRealPages(root)).toEqual({ dir });
    expect(realPageFiles(dir, false)).toEqual(['a.html', 'b.html', 'c.html', 'd.html', 'e.html']);
    // --quick: every 4th page.
    expect(realPageFiles(dir, true)).toEqual(['a.html', 'e.html']);
  });
});

describe("a page's loads", () => {
  it('give medians of what was measured, skipping loads where it was not (a panel that never came)', () => {
    const load = (ms: number, panelAt: number | null) => ({ ms, byScript: { 'first-stage.js': 1 }, samples: 1, panel: { panelAt, domContentLoaded: 10 } });
    const row: PageRow = { browser: 'chromium', build: 'A', page: 'p', kind: 'generated', errors: [], loads: [load(3, 50), load(1, null), load(2, 70.004)] };
    expect(medianOf(row, (l) => l.ms)).toBe(2);
    expect(medianOf(row, (l) => l.panel?.panelAt)).toBe(60);
    expect(medianOf(row, (l) => l.byScript['full-stage.js'])).toBeNaN();
    expect(medianOf(undefined, (l) => l.ms)).toBeNaN();
  });
});
