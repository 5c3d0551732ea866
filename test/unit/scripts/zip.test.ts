// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import { readZip, writeZip } from '../../../scripts/lib/zip';

const files = [
  { path: 'manifest.json', data: Buffer.from('{"manifest_version":3}') },
  { path: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  { path: '_locales/en/messages.json', data: Buffer.from('{"extName":{"message":"Backstory – ünïcode"}}') },
  { path: 'empty.txt', data: Buffer.alloc(0) },
  { path: 'popup/popup.js', data: Buffer.from('console.log(1);'.repeat(500)) },
];
const sortedPaths = files.map((f) => f.path).sort();

interface CentralEntry {
  path: string;
  madeBy: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  unixMode: number;
  extraLength: number;
  commentLength: number;
  data: Buffer;
}

/** The central directory read field by field (APPNOTE 4.3.12), and each entry's data inflated with Node's zlib: no fflate. */
function centralDirectory(zip: Buffer): CentralEntry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const packed = zip.readUInt32LE(at + 20);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const method = zip.readUInt16LE(at + 10);
    const raw = zip.subarray(dataAt, dataAt + packed);
    entries.push({
      path: zip.toString('utf8', at + 46, at + 46 + nameLength),
      madeBy: zip.readUInt8(at + 5),
      flags: zip.readUInt16LE(at + 8),
      method,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      unixMode: zip.readUInt32LE(at + 38) >>> 16,
      extraLength,
      commentLength,
      data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

describe('deterministic zip', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('gives the same bytes for the same files in any order', () => {
    expect(writeZip(files).equals(writeZip([...files].reverse()))).toBe(true);
  });

  it('sorts entries by path and writes each deflated, as a Unix file with mode 0644 and no extra fields', () => {
    const entries = centralDirectory(writeZip([...files].reverse()));
    expect(entries.map((e) => e.path)).toEqual(sortedPaths);
    for (const entry of entries) {
      expect(entry.madeBy).toBe(3);
      expect(entry.unixMode).toBe(0o100644);
      expect(entry.method).toBe(8);
      expect(entry.extraLength).toBe(0);
      expect(entry.commentLength).toBe(0);
    }
  });

  it.each(['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'])('stamps every entry 1980-01-01 00:00 with TZ=%s, in the same bytes', (tz) => {
    const utc = (() => {
      process.env.TZ = 'UTC';
      return writeZip(files);
    })();
    process.env.TZ = tz;
    const zip = writeZip(files);
    for (const entry of centralDirectory(zip)) {
      expect(entry.dosDate).toBe((0 << 9) | (1 << 5) | 1); // years since 1980, month, day
      expect(entry.dosTime).toBe(0);
    }
    expect(zip.equals(utc)).toBe(true);
  });

  it('holds data that another inflater reads back, with the right CRC-32, and flags non-ASCII names as UTF-8', () => {
    const entries = centralDirectory(writeZip(files));
    for (const file of files) {
      const entry = entries.find((e) => e.path === file.path)!;
      expect(entry.data.equals(file.data)).toBe(true);
      expect(entry.crc).toBe(crc32(file.data));
    }
    const utf8 = centralDirectory(writeZip([{ path: 'ünï.txt', data: Buffer.from('x') }]))[0]!;
    expect(utf8.path).toBe('ünï.txt');
    expect(utf8.flags & 0x0800).toBe(0x0800);
  });

  it('reads back exactly what it wrote, in the order of the zip', () => {
    const back = readZip(writeZip(files));
    expect(back.map((e) => e.path)).toEqual(sortedPaths);
    for (const file of files) expect(back.find((e) => e.path === file.path)!.data.equals(file.data)).toBe(true);
  });

  it('changes when a file changes by one byte', () => {
    const changed = files.map((f, i) => (i === 0 ? { ...f, data: Buffer.from('{"manifest_version":2}') } : f));
    expect(writeZip(changed).equals(writeZip(files))).toBe(false);
  });

  it('refuses paths that would escape the folder it is unpacked into, and empty or doubled ones', () => {
    for (const bad of ['../evil', 'a/../../evil', '/etc/passwd', 'a\\b', '', 'a//b', 'dir/', '__proto__'])
      expect(() => writeZip([{ path: bad, data: Buffer.alloc(1) }])).toThrow(/bad zip path/);
    expect(() => writeZip([files[0]!, files[0]!])).toThrow(/given twice/);
  });

  it('refuses paths it could not keep in sorted order, rather than write another order', () => {
    expect(() =>
      writeZip([
        { path: '9', data: Buffer.alloc(1) },
        { path: '10', data: Buffer.alloc(1) },
      ]),
    ).toThrow(/sorted order/);
  });

  it('rejects a file that is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });
});
