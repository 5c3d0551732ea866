/**
 * CHANGELOG.md, in the Keep a Changelog form: a released version is a heading
 * "## [x.y.z] - YYYY-MM-DD". The packager refuses a version the changelog does not list.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths';

export const CHANGELOG = path.join(ROOT, 'CHANGELOG.md');

/** A version heading: "## [0.1.0] - 2026-11-27" (the date is optional here so that a missing one can be named). */
const HEADING = /^## \[([^\]]+)\](?:\s+-\s+(.*?))?\s*$/gm;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a day that exists (not 2026-02-30). */
function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const day = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text;
}

export interface ChangelogEntry {
  version: string;
  /** YYYY-MM-DD as written, or null when the heading has none (as "Unreleased" has none). */
  date: string | null;
}

/** The version headings of a changelog's text, in order ("Unreleased" included). */
export function changelogEntries(text: string): ChangelogEntry[] {
  return [...text.matchAll(HEADING)].map((m) => ({ version: m[1]!, date: m[2] ?? null }));
}

/**
 * Null when `version` has a dated entry in the changelog at `file`, else a message that says what
 * is wrong and what to write.
 */
export function changelogProblem(version: string, file = CHANGELOG): string | null {
  const name = path.relative(ROOT, file) || file;
  const wanted = `"## [${version}] - YYYY-MM-DD"`;
  if (!existsSync(file)) return `${name} not found: version ${version} cannot be packaged without a changelog listing it (a ${wanted} section).`;
  const entries = changelogEntries(readFileSync(file, 'utf8'));
  const entry = entries.find((e) => e.version === version);
  if (!entry) {
    const listed = entries.map((e) => e.version).filter((v) => v !== 'Unreleased');
    return `${name} does not list version ${version} (it lists ${listed.length > 0 ? listed.join(', ') : 'no version'}): add a ${wanted} section saying what changed, then package again.`;
  }
  if (entry.date === null || !isCalendarDate(entry.date)) return `${name} lists version ${version} without a release date: its heading must read ${wanted}.`;
  return null;
}
