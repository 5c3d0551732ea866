// The built bundles: size budgets and no way to reach the network or run strings as code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildExtension, fileSizes } from '../../scripts/lib/build-extension';
import { distFor } from '../../scripts/lib/paths';

describe.each(['chrome', 'firefox'] as const)('dist/%s', (target) => {
  const dir = distFor(target);
  const scripts = Object.keys(fileSizes(dir)).filter((f) => f.endsWith('.js'));

  it('keeps the first stage, which runs on every page, within 2 KB minified', () => {
    expect(fileSizes(dir)['first-stage.js']).toBeLessThanOrEqual(2_048);
  });

  it('keeps the full stage within 64 KB minified', () => {
    expect(fileSizes(dir)['full-stage.js']).toBeLessThanOrEqual(65_536);
  });

  it('declares only the first stage in the manifest, and makes nothing web-accessible', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([['first-stage.js']]);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it.each(['first-stage.js', 'full-stage.js'])("%s carries none of the bench build's timing code", (file) => {
    expect(readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/__backstory(Begin|End)/);
  });

  it.each(scripts)('%s has no fetch, XMLHttpRequest, WebSocket, innerHTML or eval', (file) => {
    const code = readFileSync(path.join(dir, file), 'utf8');
    expect(code.match(/fetch\(|XMLHttpRequest|WebSocket|innerHTML|\beval\(|new Function\(/g)).toBeNull();
  });
});

describe('the bench build', () => {
  it("has the content script's four timing marks, and the same manifest as the extension", async () => {
    const into = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-build-test-'));
    try {
      const bench = await buildExtension({ into, bench: true });
      const code = readFileSync(path.join(bench.chrome, 'full-stage.js'), 'utf8');
      for (const mark of ['scriptMs', 'setupMs', 'firstRunMs', 'markingMs']) expect(code).toContain(`__backstoryEnd("${mark}"`);
      expect(fileSizes(bench.chrome)['manifest.json']).toBe(fileSizes(distFor('chrome'))['manifest.json']);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });
});
