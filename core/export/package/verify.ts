import type { z } from 'zod';
import type { Integrity } from '../../../shared/api/export';
import { fail, ok, type Result } from '../../../shared/api/result';
import { ballotsSchema, type BallotsDocument } from '../../../shared/export/ballots';
import { resultsCsv } from '../../../shared/export/csv';
import {
  digestAlgorithms,
  manifestFile,
  manifestSchema,
  requiredFiles,
  signatureFile,
  signatureSchema,
  type Manifest,
} from '../../../shared/export/manifest';
import { resultsSchema, type ResultsDocument } from '../../../shared/export/results';
import { canonicalJson } from '../../../db/audit';
import type { PublicKey } from '../../platform/keys';
import { checkAuditJsonl } from './audit-log';
import { recountRound } from './recount';
import { digestHex, fingerprintOf, verifySignature } from './signature';
import { summaryOf } from './summary';
import { readZip, type ZipEntry } from './zip';

/*
 * Verification of a results package, in the order a reader trusts it: the container, the
 * signature over the manifest, every file against the manifest, the audit chain against the
 * manifest's head, then the results against a recount of the ballots. The first failure is the
 * verdict, naming the file at fault. Nothing here reads a database: the county office has none.
 */

type Failure = { ok: false; file: string; reason: string };
type Step<T> = { ok: true; value: T } | Failure;

const failure = (file: string, reason: string): Failure => ({ ok: false, file, reason });

/**
 * What the package's own content says of it, or a failed Result when the bytes are not a zip at
 * all (bad input). Whether its signer is trusted is the keyring's question (keyring/verdict.ts).
 */
export function verifyPackage(bytes: Uint8Array, registered?: PublicKey): Result<Integrity> {
  const zip = readZip(bytes);
  if (!zip.ok) {
    if (zip.kind === 'not-zip') {
      return fail(
        'invalid-argument',
        '所选文件不是结果包：它不是 zip 文件（请选择导出的 .zip 结果包）',
      );
    }
    return ok(failure(zip.file, `${zip.reason}。请使用导出时生成的原文件，不要解压后重新压缩。`));
  }
  return ok(verifyEntries(zip.entries, registered));
}

function verifyEntries(entries: readonly ZipEntry[], registered?: PublicKey): Integrity {
  const files = new Map(entries.map((entry) => [entry.name, entry.data]));
  const signed = checkSignature(files, registered);
  if (!signed.ok) return signed;
  const manifest = signed.value;
  const listed = checkListing(entries, manifest);
  if (!listed.ok) return listed;
  const audit = checkAudit(files, manifest);
  if (!audit.ok) return audit;
  const read = readResults(files, manifest);
  if (!read.ok) return read;
  const { results, ballots } = read.value;
  const recounted = checkRecount(results, ballots);
  if (!recounted.ok) return recounted;
  if (!sameBytes(files.get('results.csv'), Buffer.from(resultsCsv(results), 'utf8'))) {
    return failure('results.csv', '与 results.json 不一致（表格中的数字或姓名被改动）');
  }
  return { ok: true, summary: summaryOf(manifest, results, files) };
}

function text(data: Uint8Array | undefined): string | undefined {
  if (data === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}

function parseJson<S extends z.ZodType>(
  schema: S,
  data: Uint8Array | undefined,
  file: string,
): Step<z.output<S>> {
  if (data === undefined) return failure(file, '结果包中缺少此文件');
  const content = text(data);
  if (content === undefined) return failure(file, '不是有效的 UTF-8 文本（内容被改动或损坏）');
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return failure(file, '不是有效的 JSON（内容被改动或损坏）');
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const at = issue?.path.length ? `“${issue.path.join('.')}”处` : '';
  return failure(file, `内容不符合结果包格式：${at}${issue?.message ?? ''}`);
}

/**
 * manifest.sig records the digest of the manifest it signed, so that a failed signature names
 * the right file: a changed manifest no longer matches that digest; a changed signature does.
 */
function checkSignature(files: Map<string, Uint8Array>, registered?: PublicKey): Step<Manifest> {
  const bytes = files.get(manifestFile);
  if (bytes === undefined) return failure(manifestFile, '结果包中缺少清单文件（不是完整的结果包）');
  const signature = parseJson(signatureSchema, files.get(signatureFile), signatureFile);
  if (!signature.ok) return signature;
  const manifest = parseJson(manifestSchema, bytes, manifestFile);
  if (!manifest.ok) return manifest;
  const { signer, digestAlgorithm } = manifest.value;
  if (digestAlgorithms[signer.algorithm] !== digestAlgorithm) {
    return failure(
      manifestFile,
      `摘要算法 ${digestAlgorithm} 与签名算法 ${signer.algorithm} 不配套`,
    );
  }
  const valid = verifySignature(
    signer.algorithm,
    signer.publicKey,
    bytes,
    signature.value.signature,
  );
  const sameDigest =
    signature.value.manifestDigest === digestHex(digestAlgorithm, bytes) &&
    signature.value.algorithm === signer.algorithm;
  if (!valid) {
    return sameDigest
      ? failure(
          signatureFile,
          '签名无效：不是 manifest.json 的签名（签名被改动，或换用了别的密钥）',
        )
      : failure(manifestFile, '清单在签名之后被改动：其摘要与签名文件所记不符，签名验证失败');
  }
  if (!sameDigest)
    return failure(signatureFile, '签名文件所记的清单摘要或算法被改动（签名本身有效）');
  if (fingerprintOf(signer.publicKey) !== signer.fingerprint) {
    return failure(manifestFile, '清单所记的公钥指纹与公钥不符');
  }
  if (
    registered &&
    (registered.algorithm !== signer.algorithm || registered.publicKey !== signer.publicKey)
  ) {
    return failure(
      signatureFile,
      `签名者不是所给的已登记公钥：结果包由指纹 ${signer.fingerprint} 的密钥签名，所给公钥的指纹为 ${registered.fingerprint}`,
    );
  }
  return manifest;
}

/** The zip holds exactly the manifest, its signature and the listed files, in that order. */
function checkListing(entries: readonly ZipEntry[], manifest: Manifest): Step<null> {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const expected = [manifestFile, signatureFile, ...manifest.files.map((f) => f.path)];
  if (listed.size !== manifest.files.length) {
    return failure(manifestFile, '清单中同一文件列出了两次');
  }
  const missingRequired = requiredFiles.find((name) => !listed.has(name));
  if (missingRequired) return failure(manifestFile, `清单没有列出必需的文件 ${missingRequired}`);
  const present = new Set(entries.map((e) => e.name));
  const extra = entries.find((e) => !expected.includes(e.name));
  if (extra) return failure(extra.name, '结果包中有清单未列出的文件（文件被添加）');
  const missing = expected.find((name) => !present.has(name));
  if (missing) return failure(missing, '清单列出的文件在结果包中缺失（文件被删除）');
  const misplaced = entries.find((e, i) => e.name !== expected[i]);
  if (misplaced)
    return failure(misplaced.name, '文件在结果包中的顺序与清单不符（结果包被重新打包）');
  for (const [i, entry] of entries.entries()) {
    const file = manifest.files[i - 2];
    if (!file) continue;
    if (entry.data.length !== file.size) {
      return failure(
        entry.name,
        `文件大小 ${entry.data.length} 字节，与清单所记 ${file.size} 字节不符（文件被改动）`,
      );
    }
    if (digestHex(manifest.digestAlgorithm, entry.data) !== file.digest) {
      return failure(entry.name, '文件内容与清单所记的摘要不符（文件被改动）');
    }
  }
  return { ok: true, value: null };
}

function checkAudit(files: Map<string, Uint8Array>, manifest: Manifest): Step<null> {
  const file = 'audit.jsonl';
  const content = text(files.get(file));
  if (content === undefined) return failure(file, '不是有效的 UTF-8 文本');
  const chain = checkAuditJsonl(content);
  if (!chain.ok) return failure(file, chain.reason);
  if (chain.head !== manifest.audit.head || chain.count !== manifest.audit.rows) {
    return failure(
      file,
      `审计日志共 ${chain.count} 条，末条哈希与清单所记（${manifest.audit.rows} 条）不符：日志被截短、替换或续写`,
    );
  }
  return { ok: true, value: null };
}

function readResults(
  files: Map<string, Uint8Array>,
  manifest: Manifest,
): Step<{ results: ResultsDocument; ballots: BallotsDocument }> {
  const results = parseJson(resultsSchema, files.get('results.json'), 'results.json');
  if (!results.ok) return results;
  const ballots = parseJson(ballotsSchema, files.get('ballots.json'), 'ballots.json');
  if (!ballots.ok) return ballots;
  const exported = results.value.elections.flatMap((e) =>
    e.rounds.map((r) => ({
      roundId: r.id,
      electionId: e.id,
      election: e.title,
      label: r.label,
      certifiedAt: r.certifiedAt,
    })),
  );
  const agrees =
    canonicalJson(results.value.congress) === canonicalJson(manifest.congress) &&
    canonicalJson(exported) === canonicalJson(manifest.rounds.exported) &&
    canonicalJson(results.value.notExported) === canonicalJson(manifest.rounds.notExported);
  if (!agrees) return failure('results.json', '所列大会或轮次与清单不一致');
  return { ok: true, value: { results: results.value, ballots: ballots.value } };
}

function checkRecount(results: ResultsDocument, ballots: BallotsDocument): Step<null> {
  const rounds = results.elections.flatMap((e) =>
    e.rounds.map((round) => ({ election: e, round })),
  );
  const ids = rounds.map(({ round }) => round.id);
  const listed = ballots.rounds.map((r) => r.roundId);
  if (canonicalJson(ids) !== canonicalJson(listed)) {
    return failure(
      'ballots.json',
      `所含轮次（${listed.join('、') || '无'}）与 results.json 的轮次（${ids.join('、')}）不符`,
    );
  }
  for (const [i, { election, round }] of rounds.entries()) {
    const recount = recountRound(round, ballots.rounds[i]?.ballots ?? []);
    if (!recount.ok)
      return failure(recount.file, `${election.title}${round.label}：${recount.reason}`);
  }
  return { ok: true, value: null };
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && Buffer.compare(a, b) === 0;
}
