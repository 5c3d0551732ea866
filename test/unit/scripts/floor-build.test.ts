// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { FLOOR_SCRIPT, writeFloorBuild } from '../../../scripts/bench/floor-build';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the bench's floor", () => {
  it("is an unpacked build for each browser whose one content script runs where Backstory's first stage runs", () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-floor-test-'));
    const build = writeFloorBuild(dir);
    expect(build.label).toBe('floor');
    const backstory = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../manifest.json'), 'utf8'));
    for (const folder of [build.chrome, build.firefox]) {
      expect(readdirSync(folder).sort()).toEqual(['background.js', 'floor.js', 'manifest.json']);
      const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
      expect(manifest.manifest_version).toBe(3);
      expect(manifest.content_scripts).toEqual([
        { matches: backstory.content_scripts[0].matches, js: ['floor.js'], run_at: backstory.content_scripts[0].run_at },
      ]);
    }
    expect(JSON.parse(readFileSync(path.join(build.chrome, 'manifest.json'), 'utf8')).background).toEqual({ service_worker: 'background.js' });
    const firefox = JSON.parse(readFileSync(path.join(build.firefox, 'manifest.json'), 'utf8'));
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko.id).toMatch(/@/);
  });

  it('reads the address and the title and tests one pattern', () => {
    const run = (href: string, title: string) => {
      const page = { location: { href }, document: { title } } as Record<string, unknown>;
      vm.runInNewContext(FLOOR_SCRIPT, page);
      return page.__floorCandidate;
    };
    expect(run('https://news.example.com/budget', 'Council approves budget')).toBe(false);
    expect(run('https://news.example.com/kaspersky-ban', 'Council approves budget')).toBe(true);
    expect(run('https://news.example.com/x', 'The NCSC warns')).toBe(true);
  });
});
