import type { Congress } from '../../../db/congresses';
import type { Store } from '../../../db/store';
import { fail, ok, type Result } from '../../../shared/api/result';
import { resultsCsv } from '../../../shared/export/csv';
import {
  digestAlgorithms,
  manifestFile,
  manifestFormat,
  manifestVersion,
  signatureFile,
  signatureFormat,
  type Manifest,
  type SignatureDocument,
} from '../../../shared/export/manifest';
import type { ResultsDocument } from '../../../shared/export/results';
import type { SigningKey } from '../../platform/keys';
import type { PrintPdf } from '../../reports/handlers';
import { auditJsonl, type AuditExport } from './audit-log';
import { ballotsJson } from './ballots-document';
import { packageReports, type PackageReports } from './reports';
import { resultsContent, type RoundBallots } from './results-document';
import { digestHex } from './signature';
import type { ZipEntry } from './zip';
import { notFound } from '../../platform/lookup';

/** Everything a package says, read from the database at one moment. */
export interface PackageSource {
  congress: Congress;
  results: ResultsDocument;
  ballots: RoundBallots[];
  audit: AuditExport;
  reports: PackageReports;
}

/** Reads the package's content in one read transaction: results, ballots, audit log, reports. */
export function readPackageSource(store: Store, congressId: number): Result<PackageSource> {
  return store.read(() => {
    const congress = store.congresses.byId(congressId);
    if (!congress) return notFound('congressId');
    const { document, ballots } = resultsContent(store, congress);
    if (document.elections.length === 0) {
      return fail(
        'invalid-state',
        `“${congress.name}”还没有经总监票人签核的选举结果，没有可以报送的内容。结果签核后再导出。`,
      );
    }
    return ok({
      congress,
      results: document,
      ballots,
      audit: auditJsonl(store.audit.rows()),
      reports: packageReports(store, congress, document),
    });
  });
}

export interface PackageOptions {
  key: SigningKey;
  printPdf: PrintPdf;
  createdAt: Date;
  version: string;
}

export interface BuiltPackage {
  entries: ZipEntry[];
  manifest: Manifest;
  /** The digest of manifest.json's bytes, hex: the package's digest. */
  digest: string;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The files, the manifest over them and its signature, in the order they go into the zip. */
export async function buildPackage(
  source: PackageSource,
  options: PackageOptions,
): Promise<BuiltPackage> {
  const files: (ZipEntry & { title?: string })[] = [
    { name: 'results.json', data: utf8(`${JSON.stringify(source.results, null, 2)}\n`) },
    { name: 'ballots.json', data: utf8(ballotsJson(source.ballots)) },
    { name: 'audit.jsonl', data: utf8(source.audit.text) },
    { name: 'results.csv', data: utf8(resultsCsv(source.results)) },
  ];
  for (const { path, title, report } of source.reports.reports) {
    files.push({ name: path, data: await options.printPdf(report), title });
  }
  const manifest = manifestOf(source, options, files);
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const digest = digestHex(manifest.digestAlgorithm, manifestBytes);
  const signature: SignatureDocument = {
    format: signatureFormat,
    version: 1,
    algorithm: options.key.algorithm,
    manifestDigest: digest,
    signature: options.key.sign(manifestBytes),
  };
  return {
    entries: [
      { name: manifestFile, data: manifestBytes },
      { name: signatureFile, data: utf8(`${JSON.stringify(signature, null, 2)}\n`) },
      ...files.map(({ name, data }) => ({ name, data })),
    ],
    manifest,
    digest,
  };
}

function manifestOf(
  source: PackageSource,
  { key, createdAt, version }: PackageOptions,
  files: readonly (ZipEntry & { title?: string })[],
): Manifest {
  const digestAlgorithm = digestAlgorithms[key.algorithm];
  return {
    format: manifestFormat,
    version: manifestVersion,
    createdAt: createdAt.toISOString(),
    generator: { name: 'congress-tally', version },
    congress: source.results.congress,
    signer: { algorithm: key.algorithm, publicKey: key.publicKey, fingerprint: key.fingerprint },
    digestAlgorithm,
    files: files.map(({ name, data, title }) => ({
      path: name,
      size: data.length,
      digest: digestHex(digestAlgorithm, data),
      ...(title === undefined ? {} : { title }),
    })),
    audit: { rows: source.audit.rows, head: source.audit.head },
    rounds: {
      exported: source.results.elections.flatMap((e) =>
        e.rounds.map((r) => ({
          roundId: r.id,
          electionId: e.id,
          election: e.title,
          label: r.label,
          certifiedAt: r.certifiedAt,
        })),
      ),
      notExported: source.results.notExported,
    },
    missingReports: source.reports.missing,
  };
}
