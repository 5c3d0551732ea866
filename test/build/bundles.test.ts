// The built bundles: size budgets and no way to reach the network or run strings as code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSizes } from '../../scripts/lib/build-extension';
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

  it.each(scripts)('%s has no fetch, XMLHttpRequest, WebSocket, innerHTML or eval', (file) => {
    const code = readFileSync(path.join(dir, file), 'utf8');
    expect(code.match(/fetch\(|XMLHttpRequest|WebSocket|innerHTML|\beval\(|new Function\(/g)).toBeNull();
  });
});
