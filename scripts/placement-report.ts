// npm run placement-report [-- --dist=DIR] [--firefox] [--shots=OUT]: how many lines of reading
// text the panel covers as it first appears, on the demo page and on the placement test pages, at
// each window size of the placement tests, with the build in DIR (default dist/; DIR holds chrome/
// and firefox/). Run it on two builds to compare them: the figures come from the same code as the
// tests' (scripts/lib/covered-lines.ts). With --shots, a screenshot of each case goes into OUT.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BrowserMissingError } from './lib/browsers';
import { scriptArgs } from './lib/args';
import { LAYOUTS, WINDOW_SIZES, coveredLines, waitForPlacedPanel } from './lib/covered-lines';
import { launchWithExtension } from './lib/launch';
import { DIST, ROOT } from './lib/paths';
import { serveDirectory } from './lib/serve';

const { values: args } = scriptArgs('npm run placement-report [-- --dist=DIR] [--firefox] [--shots=OUT]', {
  dist: { type: 'string' },
  firefox: { type: 'boolean' },
  shots: { type: 'string' },
});
const name = args.firefox ? 'firefox' : 'chromium';
const dist = path.resolve(args.dist ?? DIST);

async function main(): Promise<void> {
  const demo = await serveDirectory(path.join(ROOT, 'scripts/demo'));
  const fixtures = await serveDirectory(path.join(ROOT, 'test/fixtures/browser'));
  const ext = await launchWithExtension(name, path.join(dist, name === 'chromium' ? 'chrome' : 'firefox'));
  try {
    const pages: [string, string][] = [
      ['demo page (700 px column)', demo.url('index.html')],
      ...LAYOUTS.map(([what, file]): [string, string] => [what, fixtures.url(file)]),
    ];
    if (args.shots) mkdirSync(args.shots, { recursive: true });
    const { page } = await ext.openTab('about:blank');
    console.log(`${name}, ${dist}: lines of reading text under the panel as it first appears (in view; the panel's state and width)\n`);
    console.log(`| page | ${WINDOW_SIZES.map((s) => `${s.width} × ${s.height}`).join(' | ')} |`);
    console.log(`| --- | ${WINDOW_SIZES.map(() => '---').join(' | ')} |`);
    for (const [what, url] of pages) {
      const cells: string[] = [];
      for (const size of WINDOW_SIZES) {
        await page.setViewport(size);
        await page.goto(url, { waitUntil: 'load' });
        await waitForPlacedPanel(page);
        const measured = await coveredLines(page);
        if (args.shots) await page.screenshot({ path: path.join(args.shots, `${name}-${what.replace(/\W+/g, '-')}-${size.width}x${size.height}.png`) });
        cells.push(`${measured.covered.length} of ${measured.inView} (${measured.state} ${measured.box[2]} px${measured.visible ? '' : ', not visible'})`);
      }
      console.log(`| ${what} | ${cells.join(' | ')} |`);
    }
  } finally {
    await ext.close();
    await Promise.all([demo.close(), fixtures.close()]);
  }
}

main().catch((error: unknown) => {
  if (error instanceof BrowserMissingError) console.error(error.message);
  else console.error(`placement-report failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
