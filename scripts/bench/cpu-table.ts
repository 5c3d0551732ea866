/**
 * bench:cpu's figures: each load's extension CPU time gathered per browser, build and page, read
 * as the budgets read them (budgets.ts) and as a table with each build's ratio to the floor.
 */
import type { Figures } from './budgets';
import { FLOOR_LABEL } from './floor-build';
import { median, percentile, round } from './stats';

type BrowserName = 'chromium' | 'firefox';

/** The loads of one page by one build in one browser. */
export interface CpuRow {
  browser: BrowserName;
  build: string;
  page: string;
  kind: 'generated' | 'real';
  /** Each load's extension CPU ms. */
  cpuMs: number[];
  /** Each load's panel arrival after DOMContentLoaded, ms (NaN where no panel came). */
  panelMs: number[];
}

/** The median and 90th percentile over the real pages of each page's median CPU ms. */
export interface RealSummary {
  pages: number;
  medianMs: number;
  p90Ms: number;
}

const medianOf = (xs: number[]): number => round(median(xs.filter((x) => !Number.isNaN(x))));

/** One build's real pages in one browser, summarised; undefined when it loaded none. */
export function summariseReal(rows: CpuRow[], browser: BrowserName, build: string): RealSummary | undefined {
  const perPage = rows.filter((r) => r.browser === browser && r.build === build && r.kind === 'real' && r.cpuMs.length).map((r) => medianOf(r.cpuMs));
  if (!perPage.length) return undefined;
  return { pages: perPage.length, medianMs: round(median(perPage)), p90Ms: round(percentile(perPage, 90)) };
}

/** What one build measured in one browser, for checkBudgets. */
export function cpuFigures(rows: CpuRow[], browser: BrowserName, build: string): Figures {
  const row = (id: string) => rows.find((r) => r.browser === browser && r.build === build && r.page === id);
  const of = (xs: number[] | undefined): number | undefined => (xs?.length ? medianOf(xs) : undefined);
  return {
    pageMs: (id) => of(row(id)?.cpuMs),
    panelAfterMs: (id) => of(row(id)?.panelMs),
    real: summariseReal(rows, browser, build),
  };
}

type TableRow = Record<string, string | number>;

const ratioText = (x: number | undefined, floor: number | undefined): string | number =>
  x === undefined || floor === undefined || Number.isNaN(x) || Number.isNaN(floor) || floor === 0 ? '–' : round(x / floor);

/**
 * One browser's table: a line per generated page and two for the real pages (median, 90th
 * percentile), a column of CPU ms per build and, when the run measured the floor, each other
 * build's ratio to it.
 */
export function cpuTable(rows: CpuRow[], browser: BrowserName, builds: string[]): TableRow[] {
  const compared = builds.filter((b) => b !== FLOOR_LABEL);
  const line = (page: string, value: (build: string) => number | undefined): TableRow => {
    const out: TableRow = { page };
    for (const build of builds) out[build] = value(build) ?? '–';
    if (builds.includes(FLOOR_LABEL)) for (const build of compared) out[`${build} ÷ ${FLOOR_LABEL}`] = ratioText(value(build), value(FLOOR_LABEL));
    return out;
  };
  const generated = [...new Set(rows.filter((r) => r.browser === browser && r.kind === 'generated').map((r) => r.page))];
  const table = generated.map((id) => line(id, (build) => cpuFigures(rows, browser, build).pageMs(id)));
  const real = (build: string) => summariseReal(rows, browser, build);
  const pages = real(builds[0]!)?.pages;
  if (pages) {
    table.push(line(`real pages (${pages}): median`, (build) => real(build)?.medianMs));
    table.push(line('real pages: 90th percentile', (build) => real(build)?.p90Ms));
  }
  return table;
}

/** `n` of `xs` spread evenly over it, in order (the first always; all of them when `n` is not less than their number). */
export function pickEvenly<T>(xs: readonly T[], n: number): T[] {
  if (n >= xs.length) return [...xs];
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}
