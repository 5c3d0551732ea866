/**
 * An esbuild plugin that minifies, with esbuild's own CSS minifier, the stylesheets of
 * src/**\/*-style.ts files: each is a `export const NAME = \`...\`` template literal of plain CSS
 * (no interpolation, no backslash), so stylesheets can be written readably without costing the
 * content script's byte budget. The minified sheet replaces the template literal as a string
 * literal; the minifier is given the build's browser targets, so it uses no syntax they lack.
 */
import { type Message, type Plugin, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** `css` minified by esbuild for the browsers `target` names, with esbuild's warnings about it. */
export async function minifyCss(css: string, target: string | string[] | undefined, file: string): Promise<{ code: string; warnings: Message[] }> {
  const result = await transform(css, { loader: 'css', minify: true, target, sourcefile: file, logLevel: 'silent' });
  return { code: result.code.trim(), warnings: result.warnings };
}

/** A template literal assigned to a name (backquoted words in comments are not stylesheets). */
const SHEET = /=\s*`([^`]*)`/g;

export const minifyCssPlugin: Plugin = {
  name: 'minify-css-in-style-modules',
  setup(build) {
    const target = build.initialOptions.target;
    build.onLoad({ filter: /-style\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const sheets = [...source.matchAll(SHEET)].map((m) => m[1]!);
      if (sheets.length === 0) throw new Error(`${args.path}: no "= \`...\`" stylesheet to minify`);
      if (sheets.some((css) => css.includes('${') || css.includes('\\')))
        throw new Error(`${args.path}: CSS templates must not interpolate or hold backslashes (the build minifies them as plain text)`);
      const warnings: Message[] = [];
      const minified: string[] = [];
      for (const css of sheets) {
        const result = await minifyCss(css, target, args.path);
        warnings.push(...result.warnings);
        minified.push(result.code);
      }
      let next = 0;
      return { contents: source.replace(SHEET, () => `= ${JSON.stringify(minified[next++])}`), loader: 'ts', warnings };
    });
  },
};
