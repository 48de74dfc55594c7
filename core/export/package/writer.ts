import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { writeDurably, writeFailure } from '../../platform/durable-files';

/**
 * Writes the package under its final name only once it is whole and on the disk: a full stick,
 * a stick pulled out or a killed process leaves no file, or a temporary one that is not a
 * package, never a partial package under the real name.
 */
export async function writePackage(
  folder: string,
  fileName: string,
  parts: readonly Uint8Array[],
): Promise<Result<{ file: string; size: number }>> {
  const file = join(folder, fileName);
  try {
    await writeDurably(file, parts, { exclusive: true });
  } catch (error) {
    const message = writeFailure(error, folder);
    if (message === undefined) throw error;
    return fail('storage', `结果包没有写入：${message}`, { field: 'folder' });
  }
  return ok({ file, size: parts.reduce((sum, part) => sum + part.length, 0) });
}
