// @vitest-environment node
// The folders are the architecture (docs/architecture.md): each context imports only its own code
// and src/shared/; the first stage, which runs in every page, imports nothing of the full stage.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(__dirname, '../../../src');

/** Every .ts file under `dir`, as paths relative to src/. */
function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [path.relative(SRC, full).split(path.sep).join('/')] : [];
  });
}

/** The src/-relative paths `file` imports (type imports too: they name a dependency all the same). */
function importsOf(file: string): string[] {
  const code = readFileSync(path.join(SRC, file), 'utf8');
  return [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!)),
  );
}

/** Which part of the extension a src/-relative path belongs to. */
function partOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'content') return parts[0]!;
  if (parts.length === 2) return 'content (both stages)';
  return parts[1] === 'first-stage' ? 'content/first-stage' : 'content/full stage';
}

/** What each part may import, besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  shared: ['story', '_locales'],
  background: ['shared', 'story', '_locales'],
  popup: ['shared', 'story', '_locales'],
  options: ['shared', 'story', '_locales'],
  'content/first-stage': ['shared', 'content (both stages)'],
  'content (both stages)': ['shared'],
  'content/full stage': ['shared', 'story', 'content (both stages)'],
};

describe('the folders keep the contexts apart', () => {
  const files = sources();

  it('finds the sources and their imports', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importsOf('content/first-stage/index.ts')).toContain('content/first-look');
  });

  it('each context imports only its own code, src/shared/ and the story', () => {
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((target) => partOf(target) !== partOf(file) && !MAY_IMPORT[partOf(file)]!.includes(partOf(target)))
        .map((target) => `${file} -> ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('tells a crossing when it sees one', () => {
    const crossing = (from: string, to: string) => partOf(to) !== partOf(from) && !MAY_IMPORT[partOf(from)]!.includes(partOf(to));
    expect(crossing('content/first-stage/index.ts', 'content/marks/annotator')).toBe(true);
    expect(crossing('popup/index.ts', 'background/badge')).toBe(true);
    expect(crossing('shared/topics.ts', 'content/panel/panel')).toBe(true);
    expect(crossing('content/marks/annotator.ts', 'content/full-stage/long-text')).toBe(false);
    expect(crossing('content/first-stage/index.ts', 'content/first-look')).toBe(false);
    expect(crossing('content/first-look.ts', 'content/full-stage/read-page')).toBe(true);
  });
});
