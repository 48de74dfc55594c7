import { crc32 } from 'node:zlib';

/*
 * The package's container: a zip that every system opens (Windows Explorer included), written in
 * one canonical form: entries stored, not compressed, in order and back to back, UTF-8 names,
 * one timestamp, no extra fields, comments or data descriptors. The reader accepts that form
 * only. Each entry's bytes are covered by the manifest's digests, and every header byte is fixed
 * or must agree with its twin, so a changed byte anywhere in the file is caught. Compression is
 * left out on purpose: a deflate stream has spare bits that can change without changing what it
 * decodes to.
 */

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;
const endSignature = 0x06054b50;
const localSize = 30;
const centralSize = 46;
const endSize = 22;
const version = 20;
const utf8Flag = 0x0800;
const maxSize = 0xffffffff;

/** The file's bytes as parts to write one after another: no copy of the entries' data. */
export function zipParts(entries: readonly ZipEntry[], modified: Date): Uint8Array[] {
  const stamp = dosStamp(modified);
  const parts: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const fields = { name, crc: crc32(entry.data), size: entry.data.length, ...stamp };
    const local = localHeader(fields);
    centrals.push(centralHeader(fields, offset));
    parts.push(local, entry.data);
    offset += local.length + entry.data.length;
  }
  const central = Buffer.concat(centrals);
  if (offset + central.length > maxSize || entries.length > 0xffff) {
    throw new Error('the package is too large for a zip without zip64');
  }
  parts.push(central, endRecord(entries.length, central.length, offset));
  return parts;
}

interface HeaderFields {
  name: Buffer;
  crc: number;
  size: number;
  time: number;
  date: number;
}

function localHeader(f: HeaderFields): Buffer {
  const b = Buffer.alloc(localSize + f.name.length);
  b.writeUInt32LE(localSignature, 0);
  b.writeUInt16LE(version, 4);
  b.writeUInt16LE(utf8Flag, 6);
  b.writeUInt16LE(0, 8); // stored
  b.writeUInt16LE(f.time, 10);
  b.writeUInt16LE(f.date, 12);
  b.writeUInt32LE(f.crc, 14);
  b.writeUInt32LE(f.size, 18);
  b.writeUInt32LE(f.size, 22);
  b.writeUInt16LE(f.name.length, 26);
  b.writeUInt16LE(0, 28);
  f.name.copy(b, localSize);
  return b;
}

function centralHeader(f: HeaderFields, offset: number): Buffer {
  const b = Buffer.alloc(centralSize + f.name.length);
  b.writeUInt32LE(centralSignature, 0);
  b.writeUInt16LE(version, 4); // made by: MS-DOS, 2.0; external attributes 0
  b.writeUInt16LE(version, 6);
  b.writeUInt16LE(utf8Flag, 8);
  b.writeUInt16LE(0, 10);
  b.writeUInt16LE(f.time, 12);
  b.writeUInt16LE(f.date, 14);
  b.writeUInt32LE(f.crc, 16);
  b.writeUInt32LE(f.size, 20);
  b.writeUInt32LE(f.size, 24);
  b.writeUInt16LE(f.name.length, 28);
  // extra, comment, disk, internal and external attributes: all 0 (bytes 30–41)
  b.writeUInt32LE(offset, 42);
  f.name.copy(b, centralSize);
  return b;
}

function endRecord(count: number, centralLength: number, centralOffset: number): Buffer {
  const b = Buffer.alloc(endSize);
  b.writeUInt32LE(endSignature, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(centralLength, 12);
  b.writeUInt32LE(centralOffset, 16);
  return b;
}

/** MS-DOS date and time fields (local time, two-second steps), as zip tools show them. */
function dosStamp(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export type ZipRead =
  | { ok: true; entries: ZipEntry[] }
  /** not-zip: no zip at all (bad input); damaged: a zip that is not whole or not ours. */
  | { ok: false; kind: 'not-zip' | 'damaged'; file: string; reason: string };

/** The whole file as one place for messages that are not about one entry. */
const containerName = '（结果包文件本身）';

/**
 * Reads a package's zip, accepting only the canonical form zipParts writes: the entries are
 * views into `bytes`, not copies.
 */
export function readZip(bytes: Uint8Array): ZipRead {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const endAt = buffer.length - endSize;
  if (endAt < 0 || buffer.readUInt32LE(endAt) !== endSignature) {
    return hasEndRecord(buffer)
      ? damaged(containerName, 'zip 结束记录不在文件末尾（文件末尾有多余数据，或文件被截断后拼接）')
      : {
          ok: false,
          kind: 'not-zip',
          file: containerName,
          reason: '不是 zip 文件，也不是本程序导出的结果包',
        };
  }
  const count = buffer.readUInt16LE(endAt + 10);
  const centralLength = buffer.readUInt32LE(endAt + 12);
  const centralOffset = buffer.readUInt32LE(endAt + 16);
  const expectedEnd = Buffer.alloc(endSize);
  expectedEnd.writeUInt32LE(endSignature, 0);
  expectedEnd.writeUInt16LE(count, 8);
  expectedEnd.writeUInt16LE(count, 10);
  expectedEnd.writeUInt32LE(centralLength, 12);
  expectedEnd.writeUInt32LE(centralOffset, 16);
  if (!expectedEnd.equals(buffer.subarray(endAt)) || centralOffset + centralLength !== endAt) {
    return damaged(containerName, 'zip 结束记录与目录不符（分卷、注释或目录位置被改动）');
  }
  return readEntries(buffer, { count, centralOffset, centralEnd: endAt });
}

function hasEndRecord(buffer: Buffer): boolean {
  const signature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  return buffer.lastIndexOf(signature) >= 0;
}

function readEntries(
  buffer: Buffer,
  at: { count: number; centralOffset: number; centralEnd: number },
): ZipRead {
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let stamp: { time: number; date: number } | undefined;
  let central = at.centralOffset;
  let local = 0;
  for (let i = 0; i < at.count; i += 1) {
    const read = readEntry(buffer, central, local, at.centralEnd);
    if (!read.ok) return read;
    const { entry, fields, next } = read;
    stamp ??= fields;
    if (fields.time !== stamp.time || fields.date !== stamp.date) {
      return damaged(entry.name, 'zip 目录中的时间与其他文件不同（目录被改动）');
    }
    if (names.has(entry.name)) return damaged(entry.name, '结果包中有两个同名文件');
    names.add(entry.name);
    entries.push(entry);
    central = next.central;
    local = next.local;
  }
  if (central !== at.centralEnd) return damaged(containerName, 'zip 目录的长度与文件数不符');
  if (local !== at.centralOffset) {
    return damaged(containerName, '文件数据之后、zip 目录之前有多余的数据');
  }
  return { ok: true, entries };
}

type EntryRead =
  | { ok: true; entry: ZipEntry; fields: HeaderFields; next: { central: number; local: number } }
  | Extract<ZipRead, { ok: false }>;

function readEntry(buffer: Buffer, central: number, local: number, centralEnd: number): EntryRead {
  if (central + centralSize > centralEnd || buffer.readUInt32LE(central) !== centralSignature) {
    return damaged(containerName, `zip 目录第 ${central} 字节处的记录无效`);
  }
  const nameLength = buffer.readUInt16LE(central + 28);
  if (central + centralSize + nameLength > centralEnd) {
    return damaged(containerName, 'zip 目录中的文件名超出目录范围');
  }
  const nameBytes = buffer.subarray(central + centralSize, central + centralSize + nameLength);
  const name = decodeName(nameBytes);
  const fields: HeaderFields = {
    name: Buffer.from(nameBytes),
    crc: buffer.readUInt32LE(central + 16),
    size: buffer.readUInt32LE(central + 24),
    time: buffer.readUInt16LE(central + 12),
    date: buffer.readUInt16LE(central + 14),
  };
  const shown = name ?? containerName;
  if (name === undefined || name === '')
    return damaged(shown, 'zip 目录中的文件名不是有效的 UTF-8');
  const offset = buffer.readUInt32LE(central + 42);
  const canonical = centralHeader(fields, offset);
  if (!canonical.equals(buffer.subarray(central, central + canonical.length))) {
    return damaged(name, 'zip 目录记录被改动（压缩方式、标志、属性或大小与本程序写入的不符）');
  }
  if (offset !== local)
    return damaged(name, '文件数据的位置与前一个文件不衔接（中间插入或删去了数据）');
  const header = localHeader(fields);
  if (!header.equals(buffer.subarray(local, local + header.length))) {
    return damaged(name, '文件头与 zip 目录记录不符（文件头被改动）');
  }
  const start = local + header.length;
  if (start + fields.size > centralEnd)
    return damaged(name, '文件数据超出了结果包的范围（文件被截断）');
  const data = buffer.subarray(start, start + fields.size);
  if (crc32(data) !== fields.crc)
    return damaged(name, '文件内容与其 CRC 校验值不符（内容被改动或损坏）');
  return {
    ok: true,
    entry: { name, data },
    fields,
    next: { central: central + canonical.length, local: start + fields.size },
  };
}

function decodeName(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function damaged(file: string, reason: string): Extract<ZipRead, { ok: false }> {
  return { ok: false, kind: 'damaged', file, reason };
}
