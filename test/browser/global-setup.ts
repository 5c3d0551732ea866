// Builds dist/ once before the browser tests and fails early, with install advice, when a browser is missing.
import { findBrowser } from '../../scripts/lib/browsers';
import { buildExtension } from '../../scripts/lib/build-extension';

export default async function setup(): Promise<void> {
  const missing: string[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    try {
      findBrowser(name);
    } catch (error) {
      missing.push((error as Error).message);
    }
  }
  if (missing.length > 0) throw new Error(`The browser tests need both browsers.\n${missing.join('\n')}`);
  await buildExtension();
}
