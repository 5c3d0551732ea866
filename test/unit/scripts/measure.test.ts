import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addLoad, findRealPages, realPageFiles } from '../../../scripts/bench/measure';

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
  it("keep each script's ms in load order, with 0 where a script had no sample", () => {
    const row = { loads: [] as number[], scriptLoads: {} as Record<string, number[]> };
    addLoad(row, 2, { 'first-stage.js': 2 });
    addLoad(row, 30.004, { 'first-stage.js': 4, 'full-stage.js': 26.004 });
    addLoad(row, 0, {});
    expect(row.loads).toEqual([2, 30.004, 0]);
    expect(row.scriptLoads).toEqual({ 'first-stage.js': [2, 4, 0], 'full-stage.js': [0, 26, 0] });
  });
});
