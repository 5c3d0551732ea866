/**
 * The bench's budgets, each a ratio to a reference measured in the same interleaved run: the floor
 * (floor-build.ts) for pages that are not about the story, and in an A/B run build A (the one-stage
 * build, 79842c4, when run as the issue asks) for the pages that are. Absolute figures move by 2×
 * between runs on a shared machine; a ratio to what the same machine paid at the same time does not.
 */
import { FLOOR_LABEL } from './floor-build';

type BrowserName = 'chromium' | 'firefox';

/** What one build measured in one browser, as the budgets read it (ms; undefined or NaN where not measured). */
export interface Figures {
  /** The median of a generated page's loads. */
  pageMs(id: string): number | undefined;
  /** The median time from DOMContentLoaded to the panel on a page about the story. */
  panelAfterMs(id: string): number | undefined;
  /** The median and 90th percentile over the real pages (of each page's median). */
  real: { medianMs: number; p90Ms: number } | undefined;
}

/** Which build a budget divides by: the floor, or build A of an A/B run. */
export type Reference = 'floor' | 'A';

interface Budget {
  what: string;
  reference: Reference;
  /** The budget: at most this many times the reference's figure. */
  atMost: number;
  figure: (f: Figures) => number | undefined;
}

/** The generated pages' ids, as measure.ts names them. */
export const BUSY_ID = 'busy (irrelevant, DOM changes 60/s for 10 s)';

/** Each budget, checked in every browser the run measured (docs/performance.md, "Budgets"). */
export const BUDGETS: Budget[] = [
  { what: 'real pages not about the story: median over pages', reference: 'floor', atMost: 2, figure: (f) => f.real?.medianMs },
  { what: 'real pages not about the story: 90th percentile over pages', reference: 'floor', atMost: 3, figure: (f) => f.real?.p90Ms },
  { what: 'generated 200 KB page without topic words', reference: 'floor', atMost: 2, figure: (f) => f.pageMs('irrelevant 200 KB') },
  { what: 'generated 10 MB page without topic words', reference: 'floor', atMost: 2, figure: (f) => f.pageMs('irrelevant 10 MB') },
  { what: 'busy page (10 s of DOM changes + settle)', reference: 'floor', atMost: 2, figure: (f) => f.pageMs(BUSY_ID) },
  { what: 'relevant 20 KB page, cold start included', reference: 'A', atMost: 1, figure: (f) => f.pageMs('relevant 20 KB') },
  { what: 'relevant 200 KB page, cold start included', reference: 'A', atMost: 1, figure: (f) => f.pageMs('relevant 200 KB') },
  { what: 'relevant 200 KB page: the panel after DOMContentLoaded', reference: 'A', atMost: 1, figure: (f) => f.panelAfterMs('relevant 200 KB') },
];

/** One budget checked for one build in one browser. */
export interface BudgetCheck {
  browser: BrowserName;
  build: string;
  budget: string;
  /** The reference build's label. */
  reference: string;
  atMost: number;
  figureMs: number | null;
  referenceMs: number | null;
  ratio: number | null;
  /** Null where the run did not measure the figure or its reference. */
  met: boolean | null;
}

const measured = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);

/**
 * Every budget that applies, for every build but the references themselves: the floor's budgets
 * when the run measured the floor, A's when it measured A and B (`builds` in the run's order,
 * A first).
 */
export function checkBudgets(browsers: BrowserName[], builds: string[], figures: (browser: BrowserName, build: string) => Figures): BudgetCheck[] {
  const compared = builds.filter((b) => b !== FLOOR_LABEL);
  const referenceOf = (reference: Reference): string | null =>
    reference === 'floor' ? (builds.includes(FLOOR_LABEL) ? FLOOR_LABEL : null) : compared.length === 2 ? compared[0]! : null;
  return browsers.flatMap((browser) =>
    BUDGETS.flatMap((budget) => {
      const reference = referenceOf(budget.reference);
      if (reference === null) return [];
      return compared
        .filter((build) => build !== reference)
        .map((build): BudgetCheck => {
          const figureMs = measured(budget.figure(figures(browser, build)));
          const referenceMs = measured(budget.figure(figures(browser, reference)));
          const ratio = figureMs === null || referenceMs === null || referenceMs === 0 ? null : Math.round((figureMs / referenceMs) * 100) / 100;
          return {
            browser,
            build,
            budget: budget.what,
            reference,
            atMost: budget.atMost,
            figureMs,
            referenceMs,
            ratio,
            met: ratio === null ? null : ratio <= budget.atMost,
          };
        });
    }),
  );
}

const fmt = (x: number | null): string => (x === null ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));

/** One budget check as a line of the benches' output: the figures, their ratio and met / not met. */
export function formatBudgetCheck(check: BudgetCheck, withBuild: boolean): string {
  const verdict = check.met === null ? 'not measured' : check.met ? 'met' : 'not met';
  return (
    `  ${check.browser}, ${withBuild ? `${check.build}: ` : ''}${check.budget} ≤ ${check.atMost} × ${check.reference}: ` +
    `${fmt(check.figureMs)} ÷ ${fmt(check.referenceMs)} ms = ${check.ratio ?? '–'}, ${verdict}`
  );
}
