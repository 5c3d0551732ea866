// Fails early, with install advice, when a browser is missing (test/build/global-setup.ts builds dist/).
import { findBrowser } from '../../scripts/lib/browsers';

export default function setup(): void {
  const missing: string[] = [];
  for (const name of ['chromium', 'firefox'] as const) {
    try {
      findBrowser(name);
    } catch (error) {
      missing.push((error as Error).message);
    }
  }
  if (missing.length > 0) throw new Error(`The browser tests need both browsers.\n${missing.join('\n')}`);
}
