/** Project paths every script shares. */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'manifest.json')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no project root (manifest.json + package.json) above ${start}`);
  }
}

/** The project's root folder: the nearest folder above the working directory with both manifests. */
export const ROOT = findRoot(process.cwd());
export const DIST = path.join(ROOT, 'dist');
export const distFor = (target: 'chrome' | 'firefox'): string => path.join(DIST, target);
