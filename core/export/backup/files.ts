import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Store } from '../../../db/store';
import type { BackupInfo, BackupReason } from '../../../shared/api/backup';
import { fail, ok, type Result } from '../../../shared/api/result';
import {
  isTemporaryName,
  syncFolder,
  temporaryName,
  writeDurably,
  writeFailure,
} from '../../platform/durable-files';
import { backUpImages } from './images';
import { sealedKeysIn } from './sealed-keys';

/*
 * A backup is two files in the chosen folder (often a USB stick): the database as it was at one
 * moment (SQLite's online backup, so entry need not stop) and, beside it, a small manifest with
 * its SHA-256, size, schema version, audit head, the signing keys sealed inside it (see
 * ./signing-keys) and the scanned page images it needs (kept in the folder's image folder, see
 * ./images). The database is written under a temporary name, synced, renamed; the images next;
 * the manifest last. A backup without its manifest is not listed and is cleared away later; one
 * whose bytes no longer match its manifest is refused by restore.
 */

const backupFormat = 'congress-tally-backup';

const manifestSchema = z.strictObject({
  format: z.literal(backupFormat),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  /** Which installation made it: several laptops may back up to one stick. */
  source: z.string().regex(/^[0-9a-f]{8}$/),
  file: z.string(),
  size: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schemaVersion: z.int().nonnegative(),
  audit: z.strictObject({ seq: z.int().nonnegative(), hash: z.string() }),
  reason: z.enum(['manual', 'scheduled', 'certified']),
  /** SHA-256 of each scanned page image the backup holds; absent in backups made before scanning. */
  images: z.array(z.string().regex(/^[0-9a-f]{64}$/)).optional(),
  /** The signing keys sealed inside it with the backup passphrase; absent when none. */
  signingKeys: z
    .array(z.strictObject({ algorithm: z.enum(['ed25519', 'sm2-sm3']), fingerprint: z.string() }))
    .optional(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

const sourceKey = 'backup.source';
const namePattern = /^congress-tally-([0-9a-f]{8})-\d{8}-\d{6}(?:-\d+)?\.sqlite$/;

/** This installation's mark on its backups, made at its first backup. */
export function backupSource(store: Store): string {
  const found = store.settings.get(sourceKey);
  if (typeof found === 'string') return found;
  const made = randomBytes(4).toString('hex');
  store.transaction(() => store.settings.set(sourceKey, made));
  return made;
}

const manifestPathOf = (backupFile: string) => `${backupFile}.json`;

/**
 * Backs the live database up into the folder. The copy is made from the store's own connection,
 * page by page between other work, and is self-contained (no WAL beside it).
 */
export async function createBackup(
  store: Store,
  folder: string,
  reason: BackupReason,
  now: () => Date,
): Promise<Result<BackupInfo>> {
  const source = backupSource(store);
  const createdAt = now();
  const target = await freeName(folder, `congress-tally-${source}-${stamp(createdAt)}`);
  const temp = temporaryName(target);
  try {
    await store.db.backup(temp);
    const { schemaVersion, audit, pages, signingKeys } = selfContained(temp);
    await syncFile(temp);
    const { size, sha256 } = await digestOf(temp);
    await rename(temp, target);
    await syncFolder(folder);
    const images = await backUpImages(store.file, folder, pages);
    const manifest: BackupManifest = {
      format: backupFormat,
      version: 1,
      createdAt: createdAt.toISOString(),
      source,
      file: basename(target),
      size,
      sha256,
      schemaVersion,
      audit,
      reason,
      images,
      ...(signingKeys ? { signingKeys } : {}),
    };
    await writeDurably(manifestPathOf(target), [
      Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    ]);
    return ok(infoOf(target, manifest, source));
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const message = writeFailure(error, folder) ?? sqliteWriteFailure(error, folder);
    if (message === undefined) throw error;
    return fail('storage', `备份没有完成：${message}`);
  }
}

/**
 * The backup's own journal mode, schema version, audit head and scanned pages, read from the copy
 * itself.
 */
function selfContained(
  file: string,
): Pick<BackupManifest, 'schemaVersion' | 'audit' | 'signingKeys'> & { pages: string[] } {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    const schemaVersion = Number(db.pragma('user_version', { simple: true }));
    const head = db
      .prepare<[], { seq: number; hash: string }>(
        'SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1',
      )
      .get();
    const pages = db
      .prepare<[], { image: string }>('SELECT DISTINCT image FROM scan_page ORDER BY image')
      .all()
      .map((row) => row.image);
    const signingKeys = sealedKeysIn(db)?.keys;
    return { schemaVersion, audit: head ?? { seq: 0, hash: '0'.repeat(64) }, pages, signingKeys };
  } finally {
    db.close();
  }
}

function sqliteWriteFailure(error: unknown, folder: string): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_FULL')) return writeFailure({ code: 'ENOSPC' }, folder);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    return writeFailure({ code: 'EACCES' }, folder);
  }
  if (code.startsWith('SQLITE_IOERR')) return writeFailure({ code: 'EIO' }, folder);
  return undefined;
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function digestOf(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    hash.update(bytes);
  }
  return { size, sha256: hash.digest('hex') };
}

function stamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-` +
    `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`
  );
}

/** The name, or the name with -2, -3 … when a backup of the same second is there already. */
async function freeName(folder: string, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const candidate = join(folder, `${base}${n === 1 ? '' : `-${n}`}.sqlite`);
    const taken = await stat(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

export async function readManifest(backupFile: string): Promise<BackupManifest | undefined> {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(await readFile(manifestPathOf(backupFile), 'utf8')),
    );
    return parsed.success && parsed.data.file === basename(backupFile) ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function infoOf(file: string, m: BackupManifest, source: string): BackupInfo {
  return {
    file,
    name: basename(file),
    createdAt: m.createdAt,
    size: m.size,
    reason: m.reason,
    ours: m.source === source,
    auditRows: m.audit.seq,
    schemaVersion: m.schemaVersion,
    signingKeys: (m.signingKeys ?? []).map((k) => k.fingerprint),
  };
}

/** Every backup in the folder with its manifest, newest first; other installations' too. */
export async function listBackups(folder: string, source: string): Promise<BackupInfo[]> {
  const names = await readdir(folder);
  const found: BackupInfo[] = [];
  for (const name of names.filter((n) => namePattern.test(n))) {
    const file = join(folder, name);
    const manifest = await readManifest(file);
    if (manifest) found.push(infoOf(file, manifest, source));
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const staleMs = 60 * 60 * 1000;

/**
 * Keeps this installation's newest `keep` backups and removes the rest, with what earlier
 * interrupted backups left behind (a copy without its manifest, an old temporary file). Another
 * installation's backups in the same folder are never touched.
 */
export async function pruneBackups(folder: string, source: string, keep: number, now: Date) {
  const ours = (await listBackups(folder, source)).filter((b) => b.ours);
  for (const old of ours.slice(keep)) {
    await rm(manifestPathOf(old.file), { force: true });
    await rm(old.file, { force: true });
  }
  const kept = new Set(ours.slice(0, keep).map((b) => b.name));
  for (const name of await readdir(folder)) {
    if (await isLeftover(folder, name, source, kept, now)) {
      await rm(join(folder, name), { force: true });
    }
  }
}

async function isLeftover(
  folder: string,
  name: string,
  source: string,
  kept: ReadonlySet<string>,
  now: Date,
): Promise<boolean> {
  const file = join(folder, name);
  const copy = namePattern.exec(name);
  if (copy) return copy[1] === source && !kept.has(name) && !(await readManifest(file));
  const manifestOf = namePattern.exec(name.replace(/\.json$/, ''));
  if (name.endsWith('.json') && manifestOf) {
    const copyMissing = await stat(file.replace(/\.json$/, '')).then(
      () => false,
      () => true,
    );
    return manifestOf[1] === source && copyMissing;
  }
  if (!isTemporaryName(name) || !name.startsWith(`.congress-tally-${source}-`)) return false;
  return now.getTime() - (await stat(file)).mtimeMs > staleMs;
}
