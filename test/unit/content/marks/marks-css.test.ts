// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, MARK_HIGHLIGHT } from '../../../../src/content/marks/mark-renderer';

const css = readFileSync(path.join(__dirname, '../../../../src/content/marks/marks.css'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../../manifest.json'), 'utf8'));
const selectors = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)].map((m) => m[1]!.trim());

describe('marks.css', () => {
  it('styles the two highlights the renderer registers', () => {
    expect(css).toContain(`::highlight(${MARK_HIGHLIGHT})`);
    expect(css).toContain(`::highlight(${CURRENT_HIGHLIGHT})`);
  });

  it('has no rule but those two, so it cannot match the page before marks exist', () => {
    expect(selectors).toEqual([`::highlight(${MARK_HIGHLIGHT})`, `::highlight(${CURRENT_HIGHLIGHT})`]);
  });

  it('is injected by the manifest with the content script', () => {
    expect(manifest.content_scripts[0].css).toEqual(['content.css']);
  });
});
