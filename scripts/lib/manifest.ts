/** Derives each browser's manifest from the one source manifest.json. */

export type Target = 'chrome' | 'firefox';
type Manifest = Record<string, unknown> & { background?: { service_worker?: string; scripts?: string[] } };

/**
 * Chrome gets background.service_worker and no gecko block; Firefox gets background.scripts
 * (it ignores service_worker, and web-ext lint errors on service_worker without scripts).
 */
export function manifestFor(source: Manifest, target: Target): Manifest {
  const manifest: Manifest = structuredClone(source);
  const worker = source.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is required');
  if (target === 'chrome') {
    delete manifest.browser_specific_settings;
    manifest.background = { service_worker: worker };
  } else {
    manifest.background = { scripts: [worker] };
  }
  return manifest;
}
