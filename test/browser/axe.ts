/** axe-core (from npm) run inside a real page of the browser under test. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { ROOT } from '../../scripts/lib/paths';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  nodes: { target: unknown[]; failureSummary: string }[];
}

/** Runs axe-core in `page` on `include` (the whole page, or the panel inside its shadow root). */
export async function axe(page: Page, include?: string[][]): Promise<string[]> {
  // Evaluated through the debugging protocol, so an extension page's CSP does not block it.
  await page.evaluate(`${AXE}\n;undefined`);
  const violations = (await page.evaluate(
    (context) =>
      (globalThis as unknown as { axe: { run(c: unknown, o: object): Promise<{ violations: unknown[] }> } }).axe
        .run(context ?? document, { resultTypes: ['violations'] })
        .then((r) => r.violations),
    include ? { include } : null,
  )) as Violation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary}`).join(' | ')}`);
}
