import type { Congress } from '../../../db/congresses';
import type { Store } from '../../../db/store';
import type {
  ExportRound,
  exportMethods,
  ExportStatus,
  LatestExport,
  SigningKeyInfo,
} from '../../../shared/api/export';
import { ok, type Result } from '../../../shared/api/result';
import type { SigningAlgorithm } from '../../../shared/export/manifest';
import { currentCongress } from '../../platform/congress-rules';
import { audit, type Actor, type ServiceContext } from '../../platform/context';
import type { Handlers } from '../../platform/dispatch';
import {
  keysFolder,
  publicKeyFile,
  readPublicKey,
  signingKey,
  type SigningKey,
} from '../../platform/keys';
import { buildPackage, readPackageSource } from './build';
import { resultRound } from '../../results/election-results';
import { notExportedReason } from './results-document';
import { keptOrPrinted } from './report-pdfs';
import { latestExport, recordExport } from './seal';
import { shortForm } from './signature';
import { verifyPackage } from './verify';
import { verdictOf } from '../keyring/verdict';
import { checkFolder } from '../../platform/durable-files';
import { writePackage } from './writer';
import { zipParts } from './zip';
import type { PrintPdf } from '../../reports/handlers';

/** What an export needs: the app's context, or the command line's own. */
export interface ExportDeps {
  store: Store;
  now: () => Date;
  printPdf: PrintPdf;
  version: string;
}

const algorithmKey = 'export.signingAlgorithm';
const folderKey = 'export.folder';

const algorithmLabels: Record<SigningAlgorithm, string> = {
  ed25519: 'Ed25519',
  'sm2-sm3': 'SM2/SM3（国密）',
};

function signingAlgorithm(store: Store): SigningAlgorithm {
  return store.settings.get(algorithmKey) === 'sm2-sm3' ? 'sm2-sm3' : 'ed25519';
}

/** The installation's key for the chosen scheme; making it (first use) is audited. */
export async function currentKey(store: Store, actor: Actor): Promise<Result<SigningKey>> {
  const algorithm = signingAlgorithm(store);
  const folder = keysFolder(store.file);
  const found = await signingKey(folder, algorithm);
  if (!found.ok) return found;
  const { key, created } = found.value;
  if (created) {
    store.transaction(() =>
      store.audit.append({
        actor: actor.name,
        role: actor.role,
        action: 'key.create',
        payload: { algorithm, fingerprint: key.fingerprint, folder },
      }),
    );
  }
  return ok(key);
}

function keyInfo(key: SigningKey): SigningKeyInfo {
  return {
    algorithm: key.algorithm,
    algorithmLabel: algorithmLabels[key.algorithm],
    fingerprint: key.fingerprint,
  };
}

/**
 * Exports a congress's certified results: reads everything at one moment, takes the reports as
 * printed at certification (printing only those whose content is not the certified one's),
 * signs the manifest, writes the file whole into the folder, then records it (audited) so that
 * result sheets printed from now on carry its seal.
 */
export async function exportPackage(
  deps: ExportDeps,
  actor: Actor,
  request: { congressId: number; folder: string; fileName?: string },
): Promise<Result<LatestExport>> {
  const { store } = deps;
  const folder = await checkFolder(request.folder);
  if (!folder.ok) return folder;
  // The key first: made at the first export, its audit row is then in the package's log.
  const key = await currentKey(store, actor);
  if (!key.ok) return key;
  const source = readPackageSource(store, request.congressId);
  if (!source.ok) return source;
  const createdAt = deps.now();
  const built = await buildPackage(source.value, {
    key: key.value,
    printPdf: keptOrPrinted(store, deps.printPdf),
    createdAt,
    version: deps.version,
  });
  const fileName = request.fileName ?? packageFileName(source.value.congress, createdAt);
  const written = await writePackage(folder.value, fileName, zipParts(built.entries, createdAt));
  if (!written.ok) return written;
  const latest: LatestExport = {
    createdAt: built.manifest.createdAt,
    file: written.value.file,
    size: written.value.size,
    digestAlgorithm: built.manifest.digestAlgorithm,
    digest: built.digest,
    digestShort: shortForm(built.digest),
    fingerprint: key.value.fingerprint,
    algorithm: key.value.algorithm,
    rounds: built.manifest.rounds.exported.map(({ roundId, certifiedAt }) => ({
      roundId,
      certifiedAt,
    })),
    by: actor.name,
  };
  store.transaction(() => {
    recordExport(store, request.congressId, latest);
    store.settings.set(folderKey, folder.value);
    store.audit.append({
      actor: actor.name,
      role: actor.role,
      action: 'export.package',
      payload: {
        congressId: request.congressId,
        ...latest,
        auditHead: built.manifest.audit,
        notExported: built.manifest.rounds.notExported.map((r) => r.roundId),
        missingReports: built.manifest.missingReports,
      },
    });
  });
  return ok(latest);
}

/** 东湖镇第十六次代表大会-结果包-20250618-153000.zip, in the computer's local time. */
function packageFileName(congress: Congress, at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-` +
    `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${congress.name.replace(/[\\/:*?"<>|\s]+/g, '_')}-结果包-${stamp}.zip`;
}

export function exportHandlers(ctx: ServiceContext): Handlers<typeof exportMethods> {
  return {
    'export.status': async ({ congressId }, session) => {
      const key = await currentKey(ctx.store, session);
      if (!key.ok) return key;
      return ok(exportStatus(ctx.store, congressId, keyInfo(key.value)));
    },

    'export.package': (request, session) =>
      exportPackage(
        { store: ctx.store, now: ctx.now, printPdf: ctx.printPdf, version: ctx.version },
        session,
        request,
      ),

    'export.publicKey': async (_input, session) => {
      const key = await currentKey(ctx.store, session);
      if (!key.ok) return key;
      return ok({ ...publicKeyFile(key.value), fingerprint: key.value.fingerprint });
    },

    'export.setAlgorithm': async ({ algorithm }, session) => {
      const before = signingAlgorithm(ctx.store);
      if (before !== algorithm) {
        ctx.store.transaction(() => {
          ctx.store.settings.set(algorithmKey, algorithm);
          audit(ctx, session, 'export.setAlgorithm', { before, after: algorithm });
        });
      }
      const key = await currentKey(ctx.store, session);
      return key.ok ? ok(keyInfo(key.value)) : key;
    },

    'export.verify': ({ package: base64, publicKey }) => {
      const registered = publicKey === undefined ? undefined : readPublicKey(publicKey);
      if (registered && !registered.ok)
        return { ...registered, error: { ...registered.error, field: 'publicKey' } };
      const integrity = verifyPackage(Buffer.from(base64, 'base64'), registered?.value);
      if (!integrity.ok) return integrity;
      return ok(verdictOf(integrity.value, ctx.store.keyring.all(), registered?.value));
    },
  };
}

function exportStatus(
  store: Store,
  congressId: number | undefined,
  key: SigningKeyInfo,
): ExportStatus {
  const congress =
    congressId === undefined ? currentCongress(store) : store.congresses.byId(congressId);
  const folder = store.settings.get(folderKey);
  if (!congress) {
    return { congress: null, key, rounds: [], latest: null, folder: null, newSinceLatest: 0 };
  }
  const latest = latestExport(store, congress.id);
  const packaged = new Map((latest?.rounds ?? []).map((r) => [r.roundId, r.certifiedAt]));
  const held = store.elections.listByCongress(congress.id).flatMap((election) => {
    const rounds = store.elections.roundsOf(election.id);
    return rounds.map((round) => ({ election, round, rounds }));
  });
  const certified = held.filter(({ round }) => round.state === 'certified');
  return {
    congress: { id: congress.id, name: congress.name },
    key,
    rounds: held.map(({ election, round, rounds }): ExportRound => ({
      roundId: round.id,
      election: election.title,
      label: resultRound(round, rounds).label,
      exported: round.state === 'certified',
      reason: round.state === 'certified' ? null : notExportedReason(round),
    })),
    latest,
    folder: typeof folder === 'string' ? folder : null,
    newSinceLatest: certified.filter(({ round }) => packaged.get(round.id) !== round.certifiedAt)
      .length,
  };
}
