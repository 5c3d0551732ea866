import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_HIGHLIGHT, MARK_HIGHLIGHT, MARK_TAG } from '../../../src/content/mark-renderer';

const css = readFileSync(path.join(__dirname, '../../../src/content/marks.css'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../manifest.json'), 'utf8'));

describe('marks.css', () => {
  it('styles the highlight names and the fallback element the renderer uses', () => {
    expect(css).toContain(`::highlight(${MARK_HIGHLIGHT})`);
    expect(css).toContain(`::highlight(${CURRENT_HIGHLIGHT})`);
    expect(css).toMatch(new RegExp(`^${MARK_TAG} \\{`, 'm'));
    expect(css).toMatch(new RegExp(`^${MARK_TAG}\\[data-current\\] \\{`, 'm'));
  });

  it('has no rule that could match the page before marks exist', () => {
    const selectors = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{/g)].map((m) => m[1]!.trim());
    expect(selectors.length).toBeGreaterThan(0);
    for (const selector of selectors) expect(selector).toMatch(/^(::highlight\(backstory-[a-z]+\)|backstory-mark(\[data-current\])?)$/);
  });

  it('is injected by the manifest with the content script', () => {
    expect(manifest.content_scripts[0].css).toEqual(['content.css']);
  });
});
