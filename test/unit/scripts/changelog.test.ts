// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANGELOG, changelogEntries, changelogProblem } from '../../../scripts/lib/changelog';
import { ROOT } from '../../../scripts/lib/paths';

const SAMPLE = `# Changelog

## [Unreleased]

### Added

- Something new.

## [1.2.0] - 2026-12-01

### Fixed

- A bug. The text may mention [1.3.0] or "## 1.4.0" without listing them.

## [1.1.0] - 2026-11-02

## [1.0.5]
`;

describe('changelogEntries', () => {
  it('reads every version heading in order, with its date when it has one', () => {
    expect(changelogEntries(SAMPLE)).toEqual([
      { version: 'Unreleased', date: null },
      { version: '1.2.0', date: '2026-12-01' },
      { version: '1.1.0', date: '2026-11-02' },
      { version: '1.0.5', date: null },
    ]);
  });
});

describe('changelogProblem', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-changelog-test-'));
    file = path.join(dir, 'CHANGELOG.md');
    writeFileSync(file, SAMPLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a version the changelog lists with a date', () => {
    expect(changelogProblem('1.2.0', file)).toBeNull();
    expect(changelogProblem('1.1.0', file)).toBeNull();
  });

  it('refuses a version the changelog does not list, naming it and the versions it does list', () => {
    const problem = changelogProblem('1.3.0', file);
    expect(problem).toContain('does not list version 1.3.0');
    expect(problem).toContain('it lists 1.2.0, 1.1.0, 1.0.5');
    expect(problem).toContain('"## [1.3.0] - YYYY-MM-DD"');
  });

  it('refuses a version that only has an undated heading, and "Unreleased"', () => {
    expect(changelogProblem('1.0.5', file)).toMatch(/lists version 1\.0\.5 without a release date/);
    expect(changelogProblem('Unreleased', file)).toMatch(/without a release date/);
  });

  it('refuses a date that is not a calendar date', () => {
    writeFileSync(file, '## [2.0.0] - 2026-02-30\n\n## [2.0.1] - 1 March 2026\n\n## [2.0.2] - 2026-03-01\n');
    expect(changelogProblem('2.0.0', file)).toMatch(/without a release date/);
    expect(changelogProblem('2.0.1', file)).toMatch(/without a release date/);
    expect(changelogProblem('2.0.2', file)).toBeNull();
  });

  it('refuses any version when there is no changelog', () => {
    rmSync(file);
    const problem = changelogProblem('1.2.0', file);
    expect(problem).toMatch(/not found: version 1\.2\.0 cannot be packaged/);
  });

  it("lists the project's own version, the one npm run package would package", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { version: string };
    expect(CHANGELOG).toBe(path.join(ROOT, 'CHANGELOG.md'));
    expect(changelogProblem(version)).toBeNull();
  });
});
