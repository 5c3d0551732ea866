/**
 * An esbuild plugin that minifies the CSS held in template literals of src/**\/*-style.ts files, so
 * stylesheets can be written readably without costing the content script's 30 KB budget.
 */
import type { Plugin } from 'esbuild';
import { readFile } from 'node:fs/promises';

/** Whitespace and comment removal that keeps the CSS's meaning (no interpolations expected). */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{}:;,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/ !important/g, '!important')
    .trim();
}

export const minifyCssPlugin: Plugin = {
  name: 'minify-css-in-style-modules',
  setup(build) {
    build.onLoad({ filter: /-style\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.includes('${')) throw new Error(`${args.path}: CSS templates must not interpolate (the build minifies them)`);
      return { contents: source.replace(/`([^`]*)`/g, (_, css: string) => `\`${minifyCss(css)}\``), loader: 'ts' };
    });
  },
};
