import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from '../../../scripts/lib/zip';

const files = [
  { path: 'manifest.json', data: Buffer.from('{"manifest_version":3}') },
  { path: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  { path: '_locales/en/messages.json', data: Buffer.from('{"extName":{"message":"Backstory – ünïcode"}}') },
  { path: 'empty.txt', data: Buffer.alloc(0) },
];

describe('deterministic zip', () => {
  it('gives the same bytes for the same files in any order', () => {
    expect(writeZip(files).equals(writeZip([...files].reverse()))).toBe(true);
  });

  it('reads back exactly what it wrote, sorted by path', () => {
    const back = readZip(writeZip(files));
    expect(back.map((e) => e.path)).toEqual([...files.map((f) => f.path)].sort());
    for (const file of files) expect(back.find((e) => e.path === file.path)!.data.equals(file.data)).toBe(true);
  });

  it('changes when a file changes by one byte', () => {
    const changed = files.map((f, i) => (i === 0 ? { ...f, data: Buffer.from('{"manifest_version":2}') } : f));
    expect(writeZip(changed).equals(writeZip(files))).toBe(false);
  });

  it('refuses paths that would escape the folder it is unpacked into', () => {
    expect(() => writeZip([{ path: '../evil', data: Buffer.alloc(1) }])).toThrow(/bad zip path/);
    expect(() => writeZip([{ path: '/etc/passwd', data: Buffer.alloc(1) }])).toThrow(/bad zip path/);
  });

  it('rejects a file that is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });
});
