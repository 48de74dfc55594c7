import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, zipParts, type ZipEntry } from '../../../core/export/package/zip';
import { tempDir } from './fixture';

const entries: ZipEntry[] = [
  { name: 'manifest.json', data: Buffer.from('{"a":1}\n') },
  { name: 'reports/计票结果.pdf', data: Buffer.from('%PDF-1.7 …') },
  { name: 'empty.txt', data: new Uint8Array() },
];
const zip = Buffer.concat(zipParts(entries, new Date(2025, 5, 18, 15, 30, 42)));

describe('the package zip', () => {
  it('reads back exactly what was written', () => {
    const read = readZip(zip);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.entries.map((e) => [e.name, Buffer.from(e.data).toString()])).toEqual(
      entries.map((e) => [e.name, Buffer.from(e.data).toString()]),
    );
  });

  it('is a zip other tools open', () => {
    const file = join(tempDir('ct-zip-'), 'p.zip');
    writeFileSync(file, zip);
    // Python's zipfile checks the headers and every CRC, as archive tools do.
    const listed = execFileSync(
      'python3',
      [
        '-c',
        'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(listed.trim().split('\n')).toEqual(entries.map((e) => e.name));
  });

  it('refuses the file when any single byte anywhere is changed', () => {
    for (let at = 0; at < zip.length; at += 1) {
      const changed = Buffer.from(zip);
      changed[at] = (changed[at] ?? 0) ^ 0x04;
      expect(readZip(changed).ok, `byte ${at}`).toBe(false);
    }
  });

  it('tells a file that is no zip at all from a damaged one', () => {
    expect(readZip(Buffer.from('plain text, not a package'))).toMatchObject({ kind: 'not-zip' });
    expect(readZip(new Uint8Array())).toMatchObject({ kind: 'not-zip' });
    expect(readZip(zip.subarray(0, zip.length - 5))).toMatchObject({ kind: 'damaged' });
    expect(readZip(Buffer.concat([zip, Buffer.from('\n')]))).toMatchObject({ kind: 'damaged' });
  });

  it('refuses two entries with one name', () => {
    const first = entries[0];
    if (!first) throw new Error('no entry');
    const twice = Buffer.concat(zipParts([first, first], new Date(2025, 5, 18)));
    expect(readZip(twice)).toMatchObject({ ok: false, file: 'manifest.json' });
  });

  it('refuses a zip written by another tool (compressed, with extra fields)', () => {
    const dir = tempDir('ct-zip-');
    writeFileSync(join(dir, 'results.json'), '{"x":"' + 'a'.repeat(200) + '"}');
    execFileSync('python3', [
      '-c',
      'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED); z.write(sys.argv[2],"results.json"); z.close()',
      join(dir, 'other.zip'),
      join(dir, 'results.json'),
    ]);
    const other = readFileSync(join(dir, 'other.zip'));
    expect(readZip(other)).toMatchObject({ ok: false, kind: 'damaged', file: 'results.json' });
  });
});
