// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../../scripts/lib/manifest';

const source = JSON.parse(readFileSync(resolve(process.cwd(), 'manifest.json'), 'utf8')) as Parameters<typeof manifestFor>[0];
const worker = source.background?.service_worker;

describe('manifestFor', () => {
  it('the source manifest names a service worker', () => {
    expect(worker).toBe('background.js');
  });

  it('chrome: background.service_worker and no browser_specific_settings', () => {
    const m = manifestFor(source, 'chrome');
    expect(m.background).toEqual({ service_worker: worker });
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(m.manifest_version).toBe(3);
  });

  it('firefox: background.scripts only, and the gecko block', () => {
    const m = manifestFor(source, 'firefox');
    expect(m.background).toEqual({ scripts: [worker] });
    expect(m.background).not.toHaveProperty('service_worker');
    const settings = m.browser_specific_settings as {
      gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown };
      gecko_android: { strict_min_version: string };
    };
    expect(settings.gecko.id).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(settings.gecko.strict_min_version).toBe('140.0');
    expect(settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it('keeps everything else and leaves the source untouched', () => {
    const before = structuredClone(source);
    for (const target of ['chrome', 'firefox'] as const) {
      const m = manifestFor(source, target);
      expect(m.content_scripts).toEqual(source.content_scripts);
      expect(m.action).toEqual(source.action);
      expect(m.version).toBe(source.version);
    }
    expect(source).toEqual(before);
  });

  it('throws when background.service_worker is missing', () => {
    expect(() => manifestFor({ ...source, background: {} }, 'chrome')).toThrow(/service_worker/);
    expect(() => manifestFor({ ...source, background: undefined }, 'firefox')).toThrow(/service_worker/);
  });
});
