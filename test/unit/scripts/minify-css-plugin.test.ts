// @vitest-environment node
// (esbuild checks that TextEncoder gives real Uint8Arrays, which jsdom's does not.)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minifyCss, minifyCssPlugin } from '../../../scripts/lib/minify-css-plugin';

const STYLE = `/** The sheet. \`:host\` rules are !important; a comment's \`backquoted words\` are left alone. */
export const SHEET = \`
/* dropped */
:host {
  all: initial !important;
  inset: 0 auto auto 0 !important;
}
.card  >  p ,  .card li {
  margin: 0px 0 0;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.25);
}
@media (prefers-color-scheme: dark) { .card { color: #ffffff; } }
\`;
`;

describe('minify-css-plugin', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-css-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Bundles `sheet-style.ts` holding `source` with the plugin, and returns what the module exports. */
  async function built(source: string): Promise<Record<string, unknown>> {
    writeFileSync(path.join(dir, 'sheet-style.ts'), source);
    const out = path.join(dir, 'out.cjs');
    await build({
      entryPoints: [path.join(dir, 'sheet-style.ts')],
      outfile: out,
      bundle: true,
      format: 'cjs',
      target: ['chrome120', 'firefox140'],
      plugins: [minifyCssPlugin],
      logLevel: 'silent',
    });
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', 'exports', readFileSync(out, 'utf8'))(module, module.exports);
    return module.exports;
  }

  it("replaces a *-style.ts file's stylesheet with esbuild's minified CSS, and leaves its comments' backquotes alone", async () => {
    const { SHEET } = await built(STYLE);
    expect(SHEET).toBe(
      ':host{all:initial!important;inset:0 auto auto 0!important}.card>p,.card li{margin:0;box-shadow:0 4px 16px #00000040}@media(prefers-color-scheme:dark){.card{color:#fff}}',
    );
  });

  it('refuses a stylesheet that interpolates or holds a backslash', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is TypeScript source holding a template literal.
    await expect(built('export const A = `.a { width: ${1}px }`;\n')).rejects.toThrow(/must not interpolate/);
    await expect(built('export const A = `.a::before { content: "\\2014" }`;\n')).rejects.toThrow(/backslash/);
  });

  it('minifies a plain stylesheet for the given browsers', async () => {
    const { code, warnings } = await minifyCss('a {\n  color: rgba(255, 0, 0, 0.4);\n}\n', ['chrome120'], 'a.css');
    expect(code).toBe('a{color:#f006}');
    expect(warnings).toEqual([]);
  });
});
