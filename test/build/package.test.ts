// npm run package: store zips and a source archive named after the product and version, and a
// rebuild from the source archive alone that gives byte-identical files (the script checks it and
// fails otherwise). It rebuilds dist/, so the build project never runs beside the browser tests.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths';
import { readZip } from '../../scripts/lib/zip';

describe('npm run package', () => {
  it('writes the Chrome, Firefox and source packages, and the rebuild from source is byte-identical', () => {
    const output = execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(output).toMatch(/Rebuilt from the source archive in an empty folder: all \d+ packaged files byte-identical\./);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'manifest.json'), 'utf8'));
    const dir = path.join(ROOT, 'artifacts/packages');
    const name = (kind: string) => path.join(dir, `backstory-ncsc-and-kaspersky-${manifest.version}-${kind}.zip`);
    for (const browser of ['chrome', 'firefox']) {
      const entries = readZip(readFileSync(name(browser)));
      const built = JSON.parse(entries.find((e) => e.path === 'manifest.json')!.data.toString('utf8'));
      expect(built.version).toBe(manifest.version);
      expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(['first-stage.js', 'full-stage.js']));
      expect(entries.every((e) => !e.path.includes('..') && !e.path.startsWith('/'))).toBe(true);
    }
    const source = readZip(readFileSync(name('source'))).map((e) => e.path);
    expect(source).toEqual(expect.arrayContaining(['BUILDING.md', 'package.json', 'package-lock.json', 'manifest.json', 'src/content/full-stage/index.ts']));
    // Nothing the build does not need: no tests, no dependencies, no build output.
    expect(source.filter((p) => /^(test|node_modules|dist|artifacts)\//.test(p))).toEqual([]);
  }, 180_000);
});
