import { randomBytes } from 'node:crypto';
import { access, link, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fail, ok, type Result } from '../../shared/api/result';

/*
 * Files that must be whole or absent: the results package, backups, the signing key. Each is
 * written under a temporary name in its own folder (a USB stick included), synced, and only then
 * given its name, so that a full disk, a pulled stick or a killed process leaves either the old
 * state or the new one, never half a file under the real name.
 */

export interface DurableOptions {
  /** Permissions of the new file (POSIX): 0o600 for a private key. */
  mode?: number;
  /** Refuse to replace an existing file: fails with EEXIST instead (the key, made once). */
  exclusive?: boolean;
}

export async function writeDurably(
  target: string,
  parts: readonly Uint8Array[],
  options: DurableOptions = {},
): Promise<void> {
  const temp = temporaryName(target);
  const handle = await open(temp, 'wx', options.mode ?? 0o644);
  try {
    for (const part of parts) await writeAll(handle, part);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await (options.exclusive ? placeOnce(temp, target) : rename(temp, target));
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
  }
  await syncFolder(dirname(target));
}

/**
 * A write may take only part of the bytes (a disk filling up, a file-size limit) without failing:
 * the rest is written again, and it is the next write that reports why it cannot.
 */
async function writeAll(handle: FileHandle, data: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await handle.write(data, offset, data.length - offset);
    if (bytesWritten === 0) throw Object.assign(new Error('no byte written'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** A name in the target's folder that no other writer uses, hidden where dot-files are. */
export function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

export function isTemporaryName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * link() fails if the target exists, where rename() would replace it: of two processes making the
 * key at once, one wins and the other reads the winner's. A file system without hard links (FAT
 * on a USB stick) gets the rename after a last look.
 */
async function placeOnce(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    const exists = await access(target).then(
      () => true,
      () => false,
    );
    if (exists) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
    await rename(temp, target);
  }
}

/** Makes a rename durable: the folder's entry is on disk too. Windows cannot open a folder. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * What went wrong writing to a folder, for the operator; undefined for an error that is not about
 * the folder or the disk (a bug, rethrown by the caller).
 */
export function writeFailure(error: unknown, folder: string): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `磁盘已满：${folder} 所在的磁盘（或 U 盘）剩余空间不足，文件没有写入，也没有留下不完整的文件。请腾出空间或换一个位置后重试。`;
    case 'EFBIG':
      return `文件超过 ${folder} 所在磁盘允许的大小（FAT32 格式的 U 盘单个文件不能超过 4 GB），文件没有写入。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `文件夹 ${folder} 不存在（U 盘是否已拔出？），文件没有写入。`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `无法写入文件夹 ${folder}：没有写入权限或磁盘只读（U 盘写保护开关？），文件没有写入。`;
    case 'EIO':
      return `写入 ${folder} 时磁盘出错（U 盘是否松动或损坏？），文件没有写入。`;
    case 'EEXIST':
      return `${folder} 中已有同名文件，没有覆盖。`;
    default:
      return undefined;
  }
}

/** The folder the operator chose, checked before anything is built for it. */
export async function checkFolder(folder: string): Promise<Result<string>> {
  if (!isAbsolute(folder)) {
    return fail(
      'invalid-argument',
      `请填写文件夹的完整路径（如 E:\\报送 或 /media/U盘），而不是“${folder}”`,
      {
        field: 'folder',
      },
    );
  }
  const found = await stat(folder).catch(() => undefined);
  if (!found?.isDirectory()) {
    return fail('not-found', `文件夹 ${folder} 不存在（U 盘是否已插好？），请重新选择`, {
      field: 'folder',
    });
  }
  return ok(folder);
}
