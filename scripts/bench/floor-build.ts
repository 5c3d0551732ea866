/**
 * The bench's floor: a reference extension that does the least a content script on every page can
 * do, so that what Backstory costs can be read as a ratio to it, measured in the same run. Its one
 * content script runs where Backstory's first stage runs (every http and https page, at
 * document_idle), reads the address and the title and tests one regular expression. It has an
 * empty background only because the launcher waits for one (Chromium: for its service worker to
 * start); the background runs in another process, which the bench does not profile.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Build } from './measure';

/** The label of the floor's column in the bench's tables. */
export const FLOOR_LABEL = 'floor';

/** The floor's content script: the address and the title, one pattern, and the answer kept where the page cannot see it. */
export const FLOOR_SCRIPT = `"use strict";globalThis.__floorCandidate = /kaspersk|ncsc/i.test(location.href + " " + document.title);\n`;

/** The floor's manifest for one browser: the same matches and timing as Backstory's first stage. */
export function floorManifest(target: 'chrome' | 'firefox'): object {
  return {
    manifest_version: 3,
    name: 'Backstory bench floor',
    version: '1.0.0',
    description: 'Reads the address and the title and tests one pattern: the least a content script costs.',
    host_permissions: ['http://*/*', 'https://*/*'],
    background: target === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['floor.js'], run_at: 'document_idle' }],
    ...(target === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'backstory-floor@example.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  };
}

/** Writes the floor as an unpacked build (chrome/ and firefox/ under `dir`) and returns it. */
export function writeFloorBuild(dir: string): Build {
  const folders = { chrome: path.join(dir, 'chrome'), firefox: path.join(dir, 'firefox') };
  for (const target of ['chrome', 'firefox'] as const) {
    mkdirSync(folders[target], { recursive: true });
    writeFileSync(path.join(folders[target], 'manifest.json'), `${JSON.stringify(floorManifest(target), null, 2)}\n`);
    writeFileSync(path.join(folders[target], 'floor.js'), FLOOR_SCRIPT);
    writeFileSync(path.join(folders[target], 'background.js'), '// The launcher waits for a background; the floor needs none.\n');
  }
  return { label: FLOOR_LABEL, ...folders };
}
