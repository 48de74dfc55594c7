import type { AuditRow } from '../../../db/audit';
import { keysFolder, signingKey, type SigningKey } from '../../../core/platform/keys';
import { verifyPackage } from '../../../core/export/package/verify';
import type { ZipEntry } from '../../../core/export/package/zip';
import type { Integrity, LatestExport } from '../../../shared/api/export';
import { certifiedCongress, entriesOf, packageIn, tempDir } from './fixture';

/*
 * One congress is exported once through the API; the tests then read, copy and tamper with the
 * bytes of that package, and verification must name the file at fault every time.
 */

export interface ExportedPackage {
  bytes: Buffer;
  file: string;
  entries: ZipEntry[];
  exported: LatestExport;
  auditRowsBefore: number;
  actions: string[];
  notExportedElection: string;
  ourKey: SigningKey;
  liveAudit: AuditRow[];
}

/** The package of `certifiedCongress()`, as the chief exports it, with what the tests check. */
export async function exportedPackage(): Promise<ExportedPackage> {
  const c = await certifiedCongress();
  const folder = tempDir();
  const auditRowsBefore = c.h.store.audit.head().seq;
  const exported = await c.h.must(
    'export.package',
    { congressId: c.h.congress.id, folder },
    c.h.chief.token,
  );
  const { bytes, file } = packageIn(folder);
  const entries = entriesOf(bytes);
  const dbFile = c.h.store.file;
  const actions = c.h.auditActions();
  const liveAudit = [...c.h.store.audit.rows()];
  const notExportedElection = c.h.store.elections.byId(c.draftElectionId)?.title ?? '';
  // Read now: the harness removes the database's folder, keys included, after the first test.
  const key = await signingKey(keysFolder(dbFile), 'ed25519');
  if (!key.ok || key.value.created) throw new Error('the export made no key');
  const ourKey = key.value.key;
  return {
    bytes,
    file,
    entries,
    exported,
    auditRowsBefore,
    actions,
    notExportedElection,
    ourKey,
    liveAudit,
  };
}

export function verdictOf(
  input: Uint8Array,
  registered?: Parameters<typeof verifyPackage>[1],
): Integrity {
  const result = verifyPackage(input, registered);
  if (!result.ok) throw new Error(`not readable: ${result.error.message}`);
  return result.value;
}

export function failedAt(input: Uint8Array): string {
  const verdict = verdictOf(input);
  return verdict.ok ? '(verified)' : verdict.file;
}
