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

  it('keeps the content script under 64 KB minified (the budget of the full stage)', () => {
    expect(fileSizes(dir)['content.js']).toBeLessThan(64_000);
  });

  it('carries none of the bench build\'s timing code', () => {
    expect(readFileSync(path.join(dir, 'content.js'), 'utf8')).not.toMatch(/__backstory(Begin|End)/);
  });

  it.each(scripts)('%s has no fetch, XMLHttpRequest, WebSocket, innerHTML or eval', (file) => {
    const code = readFileSync(path.join(dir, file), 'utf8');
    expect(code.match(/fetch\(|XMLHttpRequest|WebSocket|innerHTML|\beval\(|new Function\(/g)).toBeNull();
  });
});

describe('the bench build', () => {
  it('has the content script\'s four timing marks, and the same manifest as the extension', async () => {
    const into = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-build-test-'));
    try {
      const bench = await buildExtension({ into, bench: true });
      const code = readFileSync(path.join(bench.chrome, 'content.js'), 'utf8');
      for (const mark of ['scriptMs', 'setupMs', 'firstRunMs', 'markingMs']) expect(code).toContain(`__backstoryEnd("${mark}"`);
      expect(fileSizes(bench.chrome)['manifest.json']).toBe(fileSizes(distFor('chrome'))['manifest.json']);
    } finally {
      rmSync(into, { recursive: true, force: true });
    }
  });
});
