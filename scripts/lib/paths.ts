/** Project paths every script shares. */
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/**
 * Every file under `dir` (default: `base`), as '/'-separated paths relative to `base`, in sorted
 * order within each folder; paths listed in `skip` (files or folders) are left out.
 */
export function listFiles(base: string, dir = base, skip: string[] = []): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (skip.includes(rel)) continue;
    if (statSync(full).isDirectory()) out.push(...listFiles(base, full, skip));
    else out.push(rel);
  }
  return out;
}
