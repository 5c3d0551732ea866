// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../../scripts/bench/budgets';
import { type CpuRow, cpuFigures, cpuTable, pickEvenly, summariseReal } from '../../../scripts/bench/cpu-table';

const row = (build: string, page: string, cpuMs: number[], kind: CpuRow['kind'] = 'generated', panelMs: number[] = cpuMs.map(() => Number.NaN)): CpuRow => ({
  browser: 'firefox',
  build,
  page,
  kind,
  cpuMs,
  panelMs,
});

// Ten real pages per build: the floor reads 1 ms on each, A 1..10 ms, B twice the floor.
const realPages = (build: string, ms: (i: number) => number): CpuRow[] =>
  Array.from({ length: 10 }, (_, i) => row(build, `page-${i}.html`, [ms(i), ms(i) + 100, ms(i)], 'real'));
const rows: CpuRow[] = [
  row('A', 'irrelevant 200 KB', [6, 9, 7]),
  row('B', 'irrelevant 200 KB', [1.5, 1.4, 1.6]),
  row('floor', 'irrelevant 200 KB', [0.8, 0.7, 0.75]),
  row('A', 'relevant 200 KB', [80, 70, 90], 'generated', [300, 280, 290]),
  row('B', 'relevant 200 KB', [60, 75, 65], 'generated', [250, Number.NaN, 270]),
  ...realPages('A', (i) => i + 1),
  ...realPages('B', () => 2),
  ...realPages('floor', () => 1),
];

describe("bench:cpu's figures", () => {
  it('summarise the real pages over each page median, not over the loads', () => {
    // Each page's loads read x, x + 100, x: its median is x.
    expect(summariseReal(rows, 'firefox', 'A')).toEqual({ pages: 10, medianMs: 5.5, p90Ms: 9.1 });
    expect(summariseReal(rows, 'chromium', 'A')).toBeUndefined();
  });

  it('give the budgets medians of the loads, leaving out loads where no panel came', () => {
    const b = cpuFigures(rows, 'firefox', 'B');
    expect(b.pageMs('relevant 200 KB')).toBe(65);
    expect(b.panelAfterMs('relevant 200 KB')).toBe(260);
    expect(b.pageMs('irrelevant 10 MB')).toBeUndefined();
    const checks = checkBudgets(['firefox'], ['A', 'B', 'floor'], (browser, build) => cpuFigures(rows, browser, build));
    const met = (build: string, budget: string) => checks.find((c) => c.build === build && c.budget.includes(budget))?.met;
    expect(met('B', 'median over pages')).toBe(true);
    expect(met('A', 'median over pages')).toBe(false);
    expect(met('B', '200 KB page without')).toBe(true);
    expect(met('B', '10 MB')).toBeNull();
    expect(met('B', 'panel after')).toBe(true);
  });

  it('tabulate each page kind per build with each build divided by the floor', () => {
    expect(cpuTable(rows, 'firefox', ['A', 'B', 'floor'])).toEqual([
      { page: 'irrelevant 200 KB', A: 7, B: 1.5, floor: 0.75, 'A ÷ floor': 9.33, 'B ÷ floor': 2 },
      { page: 'relevant 200 KB', A: 80, B: 65, floor: '–', 'A ÷ floor': '–', 'B ÷ floor': '–' },
      { page: 'real pages (10): median', A: 5.5, B: 2, floor: 1, 'A ÷ floor': 5.5, 'B ÷ floor': 2 },
      { page: 'real pages: 90th percentile', A: 9.1, B: 2, floor: 1, 'A ÷ floor': 9.1, 'B ÷ floor': 2 },
    ]);
  });

  it('form no ratio to a floor that read 0 ms', () => {
    const zero = [row('B', 'irrelevant 200 KB', [2]), row('floor', 'irrelevant 200 KB', [0])];
    expect(cpuTable(zero, 'firefox', ['B', 'floor'])[0]).toMatchObject({ floor: 0, 'B ÷ floor': '–' });
  });
});

describe('pickEvenly', () => {
  it('spreads n picks over the list, first included, and keeps a short list whole', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i);
    expect(pickEvenly(xs, 4)).toEqual([0, 2, 5, 7]);
    expect(pickEvenly(xs, 1)).toEqual([0]);
    expect(pickEvenly(xs, 0)).toEqual([]);
    expect(pickEvenly(xs, 12)).toEqual(xs);
  });
});
