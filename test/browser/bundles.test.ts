// The built bundles: size budgets and no way to reach the network or run strings as code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSizes } from '../../scripts/lib/build-extension';
import { distFor } from '../../scripts/lib/paths';

describe.each(['chrome', 'firefox'] as const)('dist/%s', (target) => {
  const dir = distFor(target);
  const scripts = Object.keys(fileSizes(dir)).filter((f) => f.endsWith('.js'));

  it('keeps the content script under 30 KB minified', () => {
    expect(fileSizes(dir)['content.js']).toBeLessThan(30_000);
  });

  it.each(scripts)('%s has no fetch, XMLHttpRequest, WebSocket, innerHTML or eval', (file) => {
    const code = readFileSync(path.join(dir, file), 'utf8');
    expect(code.match(/fetch\(|XMLHttpRequest|WebSocket|innerHTML|\beval\(|new Function\(/g)).toBeNull();
  });
});
