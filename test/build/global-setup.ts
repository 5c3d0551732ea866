// Builds dist/ once per run, before the build checks and the browser tests (both projects list this
// file; a run of both builds once).
import { buildExtension } from '../../scripts/lib/build-extension';

const BUILT = Symbol.for('backstory.test.dist-built');

export default async function setup(): Promise<void> {
  const run = globalThis as unknown as Record<symbol, Promise<unknown> | undefined>;
  run[BUILT] ??= buildExtension();
  await run[BUILT];
}
