import { build } from 'esbuild';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os'; import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { generatePage } from './bench/generate-page';
import { CHROMIUM_FLAGS } from './lib/launch';
import { serveDirectory } from './lib/serve';
const dir = mkdtempSync(path.join(os.tmpdir(), 'zz-'));
writeFileSync(path.join(dir, 'p.html'), generatePage(20000, 1).html);
await build({ entryPoints: ['scripts/zz-in.ts'], bundle: true, minify: true, format: 'iife', outfile: path.join(dir, 'in.js'), logLevel: 'warning' });
const server = await serveDirectory(dir, () => ({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }));
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
for (let i = 0; i < 3; i++) {
  const page = await browser.newPage();
  await page.goto(server.url('p.html'));
  await page.addScriptTag({ url: server.url('in.js') });
  console.log(await page.evaluate(() => (globalThis as any).__zz()));
  await page.close();
}
await browser.close(); await server.close();
