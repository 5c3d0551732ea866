/**
 * Deterministic zips over fflate: the same files give the same bytes on any machine and in any
 * time zone. Entries are sorted by path, every time stamp is 1980-01-01 00:00 (the earliest a zip
 * can hold), every file is a Unix regular file with mode 0644, deflated at level 9, with no extra
 * fields or comments. Store packages and the source archive are written with it so that a rebuild
 * can be compared byte for byte.
 */
import { unzipSync, type ZipOptions, zipSync } from 'fflate';

export interface ZipEntry {
  path: string;
  data: Buffer;
}

const UNIX = 3;
const REGULAR_FILE_0644 = 0o100644;

/** What every entry is written with. */
function entryOptions(): ZipOptions {
  return {
    level: 9,
    // fflate writes the DOS time stamp from a Date's local-time fields, so the Date is made from
    // local fields, when the zip is written: it reads 1980-01-01 00:00 in whatever time zone.
    mtime: new Date(1980, 0, 1, 0, 0, 0),
    os: UNIX,
    // External attributes: the Unix mode in the high 16 bits.
    attrs: REGULAR_FILE_0644 * 0x10000,
  };
}

/** Refuses a path that could escape the folder the zip is unpacked into, or that fflate would take for an object's prototype. */
function checkPath(file: string): void {
  if (file === '__proto__' || file.startsWith('/') || file.includes('\\') || file.split('/').some((part) => part === '..' || part === ''))
    throw new Error(`bad zip path: ${file}`);
}

/** The zip holding `entries` (paths use "/"; order does not matter; a path may appear once). */
export function writeZip(entries: ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const options = entryOptions();
  const files: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const { path, data } of sorted) {
    checkPath(path);
    if (Object.hasOwn(files, path)) throw new Error(`zip path given twice: ${path}`);
    files[path] = [data, options];
  }
  // fflate writes entries in the object's key order, which puts keys such as "7" (array indices)
  // first: refuse rather than write an order other than the sorted one.
  const order = Object.keys(files);
  if (order.some((key, i) => key !== sorted[i]!.path)) throw new Error(`zip paths that look like numbers cannot be kept in sorted order: ${order.join(', ')}`);
  return Buffer.from(zipSync(files));
}

/** The entries of a zip, in the order of its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  const order: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (file) => {
        order.push(file.name);
        return true;
      },
    });
  } catch (error) {
    throw new Error(`not a zip file, or a damaged one: ${(error as Error).message}`);
  }
  return order.map((path) => {
    const data = files[path];
    if (data === undefined) throw new Error(`cannot read ${path} from the zip`);
    return { path, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  });
}
