import { join } from 'node:path';
import {
  hasImage,
  keepImage,
  keepImageIn,
  loadImage,
  loadImageFrom,
} from '../../entry/scan/images';

/*
 * The scanned page images go with the backups: into one folder beside them, named by digest as
 * beside the database, so that a page is copied to the stick once however many backups hold it.
 * Each backup's manifest lists the pages it needs; restore checks each against its digest and
 * puts it back beside the database.
 */

export function backupImagesFolder(backupFolder: string): string {
  return join(backupFolder, 'congress-tally-images');
}

/**
 * Copies the database's pages that the backup folder does not have yet. Returns the digests it
 * now holds: a page missing or altered beside the database is left out (scan.image says so).
 */
export async function backUpImages(
  databaseFile: string,
  backupFolder: string,
  digests: readonly string[],
): Promise<string[]> {
  const folder = backupImagesFolder(backupFolder);
  const held: string[] = [];
  for (const digest of digests) {
    if (!(await hasImage(folder, digest))) {
      const bytes = await loadImage(databaseFile, digest);
      if (!bytes) continue;
      await keepImageIn(folder, bytes);
    }
    held.push(digest);
  }
  return held;
}

/** The digest of the first page the backup folder lacks or holds altered, or null. */
export async function missingImage(
  backupFolder: string,
  digests: readonly string[],
): Promise<string | null> {
  const folder = backupImagesFolder(backupFolder);
  for (const digest of digests) {
    if (!(await loadImageFrom(folder, digest))) return digest;
  }
  return null;
}

/** Puts the backup's pages (checked by `missingImage`) back beside the database. */
export async function restoreImages(
  backupFolder: string,
  databaseFile: string,
  digests: readonly string[],
): Promise<void> {
  const folder = backupImagesFolder(backupFolder);
  for (const digest of digests) {
    const bytes = await loadImageFrom(folder, digest);
    if (!bytes) throw new Error(`backup image ${digest} vanished while restoring`);
    await keepImage(databaseFile, bytes);
  }
}
