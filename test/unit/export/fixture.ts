import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { SigningKey } from '../../../core/platform/keys';
import { digestHex } from '../../../core/export/package/signature';
import { openChromiumPrinter } from '../../../core/reports/pdf';
import type { PdfPrinter } from '../../../core/reports/printer';
import { readZip, zipParts, type ZipEntry } from '../../../core/export/package/zip';
import { digestAlgorithms, signatureFormat, type Manifest } from '../../../shared/export/manifest';
import { resultsHarness, times, type PaperBallot, type ResultsHarness } from '../results/fixture';

/*
 * A congress with results to export, built through the real services (issuance, entry,
 * certification) on a real SQLite file: the committee election's formal round ties at the last
 * seat, so a runoff follows and is certified too; a second election is still being set up, so
 * the package must say why it is not in it.
 */

export const candidates = ['丁一', '王二', '李三', '张四'];

/** 19 papers: 丁一 12, 王二 10, 李三 10 (a tie for the second seat), a write-in, two invalid. */
export const formalBallots: PaperBallot[] = [
  ...times(6, 'OO--'),
  ...times(6, 'O-O-'),
  ...times(4, '-OO-'),
  { marks: 'OOO-' },
  { marks: '----', declaredInvalid: '无法辨认' },
  { marks: '---X', writeIns: [{ name: '赵六', mark: 'O' }] },
];

export interface ExportedCongress {
  h: ResultsHarness;
  formalRoundId: number;
  runoffRoundId: number;
  draftElectionId: number;
}

/** The committee election on the shared printer, nothing voted yet. */
export async function committeeElection(): Promise<ResultsHarness> {
  const h = await resultsHarness({
    seats: 2,
    candidates,
    entitled: 19,
    present: 19,
    writeInBlanks: 1,
  });
  printWithSharedChromium(h);
  return h;
}

/** Votes, enters and certifies the formal round and the runoff its tie opens; the runoff's id. */
export async function certifyWithRunoff(h: ResultsHarness): Promise<number> {
  await h.vote(h.formalRoundId);
  await h.enter(h.formalRoundId, formalBallots);
  await h.certify(h.formalRoundId);
  const runoff = h.store.elections.roundsOf(h.election.id).find((r) => r.kind === 'runoff');
  if (!runoff) throw new Error('the tie opened no runoff');
  const names = h.store.elections.candidatesOf(runoff.id).map((c) => c.name);
  const forWang = names.map((n) => (n === '王二' ? 'O' : '-')).join('');
  const forLi = names.map((n) => (n === '李三' ? 'O' : '-')).join('');
  await h.vote(runoff.id);
  await h.enter(runoff.id, [...times(11, forWang), ...times(8, forLi)]);
  await h.certify(runoff.id);
  return runoff.id;
}

export async function certifiedCongress(): Promise<ExportedCongress> {
  const h = await committeeElection();
  const runoffId = await certifyWithRunoff(h);
  const draft = h.store.transaction(() => {
    const election = h.store.elections.create(h.congress.id, {
      title: '选举中国共产党东湖镇纪律检查委员会委员',
      office: 'discipline',
      seats: 1,
    });
    const round = h.store.elections.createRound({
      electionId: election.id,
      kind: 'formal',
      seats: 1,
    });
    h.store.elections.replaceCandidates(round.id, [{ name: '丁一' }, { name: '张四' }]);
    return election;
  });
  return { h, formalRoundId: h.formalRoundId, runoffRoundId: runoffId, draftElectionId: draft.id };
}

const dirs: string[] = [];
let printer: Promise<PdfPrinter> | undefined;
afterAll(async () => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  await (await printer)?.close();
  printer = undefined;
});

/**
 * The services print through one Chromium for the whole file (the host starts one per report,
 * which is slow for a package of many).
 */
export function printWithSharedChromium(h: ResultsHarness): void {
  printer ??= openChromiumPrinter();
  const shared = printer;
  h.services.context.printPdf = async (report) => (await shared).print(report);
}

export function tempDir(prefix = 'ct-export-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** The one .zip in the folder. */
export function packageIn(folder: string): { file: string; bytes: Buffer } {
  const zips = readdirSync(folder).filter((name) => name.endsWith('.zip'));
  if (zips.length !== 1)
    throw new Error(`expected one package in ${folder}, found ${zips.join(', ')}`);
  const file = join(folder, zips[0] ?? '');
  return { file, bytes: readFileSync(file) };
}

export function entriesOf(bytes: Uint8Array): ZipEntry[] {
  const read = readZip(bytes);
  if (!read.ok) throw new Error(`not a package: ${read.reason}`);
  return read.entries.map(({ name, data }) => ({ name, data: Buffer.from(data) }));
}

/** The package made again from (changed) entries, as a tamperer with a zip tool would. */
export function rezip(entries: readonly ZipEntry[]): Buffer {
  return Buffer.concat(zipParts(entries, new Date('2025-06-18T08:00:00Z')));
}

export function json<T>(entries: readonly ZipEntry[], name: string): T {
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return JSON.parse(Buffer.from(entry.data).toString('utf8')) as T;
}

export function replaced(entries: readonly ZipEntry[], name: string, data: Uint8Array): ZipEntry[] {
  return entries.map((e) => (e.name === name ? { name, data } : e));
}

/**
 * The package as an insider with the signing key would remake it: files changed, the manifest's
 * digests and sizes made to match, signer set to `key`, signed again.
 */
export function resigned(
  entries: readonly ZipEntry[],
  key: SigningKey,
  changes: Readonly<Record<string, Uint8Array>> = {},
): Buffer {
  const manifest = json<Manifest>(entries, 'manifest.json');
  const algorithm = digestAlgorithms[key.algorithm];
  const files = entries
    .filter((e) => e.name !== 'manifest.json' && e.name !== 'manifest.sig')
    .map((e) => ({ name: e.name, data: changes[e.name] ?? e.data }));
  const remade: Manifest = {
    ...manifest,
    signer: { algorithm: key.algorithm, publicKey: key.publicKey, fingerprint: key.fingerprint },
    digestAlgorithm: algorithm,
    files: manifest.files.map((f) => {
      const data = files.find((e) => e.name === f.path)?.data ?? new Uint8Array();
      return { ...f, size: data.length, digest: digestHex(algorithm, data) };
    }),
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(remade, null, 2)}\n`);
  const signature = {
    format: signatureFormat,
    version: 1,
    algorithm: key.algorithm,
    manifestDigest: digestHex(algorithm, manifestBytes),
    signature: key.sign(manifestBytes),
  };
  return rezip([
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(JSON.stringify(signature)) },
    ...files,
  ]);
}

export function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}
