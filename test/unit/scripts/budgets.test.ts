// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, formatBudgetCheck, type Figures } from '../../../scripts/bench/budgets';

/** Figures where every generated page read `pageMs`, the panel `panelMs` and the real pages `real`. */
const figures = (pageMs: number, real = { medianMs: pageMs, p90Ms: pageMs * 2 }, panelMs = pageMs): Figures => ({
  pageMs: (id) => (id === 'irrelevant 10 MB' ? Number.NaN : pageMs),
  panelAfterMs: () => panelMs,
  real,
});

describe('the budgets', () => {
  it('divide each build by the floor measured in the same run, and say whether each ratio is within its bound', () => {
    const checks = checkBudgets(['chromium'], ['current', 'floor'], (_, build) =>
      build === 'floor' ? figures(0.5) : figures(1.2, { medianMs: 1.2, p90Ms: 3.5 }),
    );
    // Only the floor's budgets: without A and B nothing is compared with the one-stage build.
    expect(checks.map((c) => c.reference)).toEqual(Array(5).fill('floor'));
    const median = checks.find((c) => c.budget.includes('median'))!;
    expect(median).toMatchObject({ build: 'current', figureMs: 1.2, referenceMs: 0.5, ratio: 2.4, atMost: 2, met: false });
    const p90 = checks.find((c) => c.budget.includes('90th'))!;
    expect(p90).toMatchObject({ figureMs: 3.5, referenceMs: 1, ratio: 3.5, atMost: 3, met: false });
    expect(checks.find((c) => c.budget.includes('200 KB'))).toMatchObject({ ratio: 2.4, met: false });
    // The 10 MB page was not measured: neither met nor failed.
    expect(checks.find((c) => c.budget.includes('10 MB'))).toMatchObject({ figureMs: null, ratio: null, met: null });
  });

  it('in an A/B run, hold B to A on the pages about the story and both to the floor, in each browser', () => {
    const checks = checkBudgets(['chromium', 'firefox'], ['A', 'B', 'floor'], (browser, build) =>
      build === 'floor' ? figures(1) : build === 'A' ? figures(40, undefined, 100) : figures(browser === 'chromium' ? 36 : 44, undefined, 90),
    );
    const story = checks.filter((c) => c.reference === 'A');
    expect(story.map((c) => [c.browser, c.build, c.met])).toEqual([
      ['chromium', 'B', true],
      ['chromium', 'B', true],
      ['chromium', 'B', true],
      ['firefox', 'B', false],
      ['firefox', 'B', false],
      ['firefox', 'B', true],
    ]);
    expect(story[3]).toMatchObject({ figureMs: 44, referenceMs: 40, ratio: 1.1 });
    const floorChecks = checks.filter((c) => c.reference === 'floor');
    expect(floorChecks.filter((c) => c.build === 'A')).toHaveLength(10);
    expect(floorChecks.filter((c) => c.build === 'B')).toHaveLength(10);
    expect(checks).toHaveLength(2 * BUDGETS.length + 2 * 5);
  });

  it('leave a budget unmet or unmeasured, never met, when its reference read nothing', () => {
    const [first] = checkBudgets(['firefox'], ['current', 'floor'], (_, build) => (build === 'floor' ? figures(0) : figures(0.3)));
    expect(first).toMatchObject({ figureMs: 0.3, referenceMs: 0, ratio: null, met: null });
  });
});

describe('formatBudgetCheck', () => {
  it('prints the figures, the ratio and the verdict, with the build when the run had several', () => {
    const [median] = checkBudgets(['firefox'], ['B', 'floor'], (_, build) => (build === 'floor' ? figures(0.5) : figures(1.2, { medianMs: 0.9, p90Ms: 1 })));
    expect(formatBudgetCheck(median!, true)).toBe('  firefox, B: real pages not about the story: median over pages ≤ 2 × floor: 0.90 ÷ 0.50 ms = 1.8, met');
    expect(formatBudgetCheck({ ...median!, figureMs: null, ratio: null, met: null }, false)).toBe(
      '  firefox, real pages not about the story: median over pages ≤ 2 × floor: – ÷ 0.50 ms = –, not measured',
    );
  });
});
