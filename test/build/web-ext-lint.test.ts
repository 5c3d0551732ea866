// Mozilla's linter (the one addons.mozilla.org runs) on the built Firefox extension.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT, distFor } from '../../scripts/lib/paths';

it('web-ext lint reports 0 errors and 0 warnings for dist/firefox', async () => {
  const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
  const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', distFor('firefox'), '--output', 'json'], { cwd: ROOT });
  const report = JSON.parse(stdout) as { summary: { errors: number; warnings: number }; errors: unknown[]; warnings: unknown[] };
  expect(report.errors).toEqual([]);
  expect(report.warnings).toEqual([]);
  expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
});
