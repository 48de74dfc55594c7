import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { syncFolder, writeDurably } from '../../platform/durable-files';

/*
 * Scanned page images, kept beside the database as `<db>.images/<sha256>.png` (and in a backup
 * folder the same way). The name is the content's digest and nothing else, and every file carries
 * the same fixed modification time, so that neither the folder nor a file tells when or in what
 * order a sheet was scanned, nor what the scanner called it.
 */

const DIGEST = /^[0-9a-f]{64}$/;
const FIXED_TIME = new Date('2000-01-01T00:00:00Z');

export function imagesFolder(databaseFile: string): string {
  return `${databaseFile}.images`;
}

function imageDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function imagePath(folder: string, digest: string): string {
  return join(folder, `${digest}.png`);
}

/** Whether the folder has a file under the digest's name (its bytes not checked). */
export function hasImage(folder: string, digest: string): Promise<boolean> {
  if (!DIGEST.test(digest)) return Promise.resolve(false);
  return stat(imagePath(folder, digest)).then(
    (s) => s.isFile() && s.size > 0,
    () => false,
  );
}

/** Writes the page into the folder once (the same bytes give the same file); returns its digest. */
export async function keepImageIn(folder: string, png: Uint8Array): Promise<string> {
  const digest = imageDigest(png);
  const target = imagePath(folder, digest);
  const present = await stat(target).then(
    (s) => s.size === png.length,
    () => false,
  );
  if (present) return digest;
  const made = await mkdir(folder, { recursive: true });
  if (made !== undefined) await syncFolder(dirname(folder));
  try {
    await writeDurably(target, [png], { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await utimes(target, FIXED_TIME, FIXED_TIME);
  return digest;
}

/** A page's bytes from the folder, checked against its digest; undefined when missing or altered. */
export async function loadImageFrom(
  folder: string,
  digest: string,
): Promise<Uint8Array | undefined> {
  if (!DIGEST.test(digest)) return undefined;
  const bytes = await readFile(imagePath(folder, digest)).catch(() => undefined);
  if (!bytes || imageDigest(bytes) !== digest) return undefined;
  return new Uint8Array(bytes);
}

/** Keeps a page image beside the database. */
export function keepImage(databaseFile: string, png: Uint8Array): Promise<string> {
  return keepImageIn(imagesFolder(databaseFile), png);
}

/** A stored page's bytes, checked against its digest; undefined when missing or altered. */
export function loadImage(databaseFile: string, digest: string): Promise<Uint8Array | undefined> {
  return loadImageFrom(imagesFolder(databaseFile), digest);
}
