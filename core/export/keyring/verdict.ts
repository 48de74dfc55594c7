import type { KeyringEntry } from '../../../db/keyring';
import type {
  Integrity,
  PackageSummary,
  SignerStanding,
  Verdict,
} from '../../../shared/api/export';
import type { PublicKey } from '../../platform/keys';

/*
 * Whom the signer of an intact package is, by the keyring. A key vouches only for the organiser
 * it was registered for. An entry registered from the printed key card holds the fingerprint
 * alone: the fingerprint is the first 80 bits of SHA-256 of the public key, and the package's key
 * has been checked to hash to the fingerprint it carries, so a forger would need another key with
 * the same 80 bits, a second preimage no one can compute.
 */

/** The organiser as a package names it: 主办单位, or the congress's name where that is blank. */
export function organiserOf(congress: PackageSummary['congress'] & { name: string }): string {
  return congress.organiser.trim() || congress.name.trim();
}

type Signer = PackageSummary['signer'];

export function vouchesFor(entry: KeyringEntry, signer: Signer): boolean {
  if (entry.fingerprint !== signer.fingerprint) return false;
  if (entry.publicKey === null) return true;
  return entry.publicKey === signer.publicKey && entry.algorithm === signer.algorithm;
}

export function standingOf(
  keyring: readonly KeyringEntry[],
  signer: Signer,
  organiser: string,
): SignerStanding {
  const active = keyring.filter((e) => e.withdrawn === null);
  const ours = active.filter((e) => e.organiser === organiser);
  const match = ours.find((e) => vouchesFor(e, signer));
  if (match) {
    return {
      kind: 'registered',
      entryId: match.id,
      registeredAt: match.registeredAt,
      registeredBy: match.registeredBy,
    };
  }
  const withdrawn = keyring.find(
    (e) => e.withdrawn !== null && e.organiser === organiser && vouchesFor(e, signer),
  );
  if (withdrawn?.withdrawn) return { kind: 'withdrawn', ...withdrawn.withdrawn };
  const elsewhere = active.filter((e) => e.organiser !== organiser && vouchesFor(e, signer));
  if (elsewhere.length > 0) {
    return { kind: 'other-organiser', organisers: [...new Set(elsewhere.map((e) => e.organiser))] };
  }
  if (ours.length > 0) return { kind: 'changed', fingerprints: ours.map((e) => e.fingerprint) };
  return { kind: 'unknown' };
}

const compare =
  '请取出该单位报送的、已签字的纸质计票结果报告单，把上面打印的公钥指纹与此指纹逐位核对';

/** Why a signer is not vouched for, and what to do, in one paragraph. */
export function standingReason(standing: SignerStanding, summary: PackageSummary): string {
  const organiser = organiserOf(summary.congress);
  const fingerprint = summary.signer.fingerprint;
  switch (standing.kind) {
    case 'unknown':
      return `签名者未登记：结果包由指纹 ${fingerprint} 的密钥签名，本机的密钥登记中既没有这把密钥，也没有“${organiser}”。${compare}；一致后才可登记此密钥。`;
    case 'changed':
      return `签名密钥与登记的不同：“${organiser}”登记的密钥指纹为 ${standing.fingerprints.join('、')}，此结果包却由指纹 ${fingerprint} 的密钥签名。可能是该单位换了电脑或恢复数据后没有原密钥，也可能是伪造。请向该单位核实，并${compare.slice(1)}，一致后再登记新密钥并写明原因。`;
    case 'other-organiser':
      return `签名密钥登记给了其他单位：指纹 ${fingerprint} 的密钥登记给“${standing.organisers.join('”“')}”，而结果包写的主办单位是“${organiser}”。一把密钥只为登记它的单位作证，请向这两个单位核实。`;
    case 'withdrawn':
      return `签名密钥已撤销登记：指纹 ${fingerprint} 的密钥已由 ${standing.by} 于 ${standing.at.slice(0, 10)} 撤销（原因：${standing.reason}），不再为“${organiser}”作证。`;
    case 'key-file':
    case 'registered':
      return '';
  }
}

/** The three verdicts: 通过, 签名者未登记, 未通过. */
export function verdictOf(
  integrity: Integrity,
  keyring: readonly KeyringEntry[],
  keyFile?: PublicKey,
): Verdict {
  if (!integrity.ok) return { verdict: 'fail', file: integrity.file, reason: integrity.reason };
  const { summary } = integrity;
  // A key file given for this check was compared with the signer by verifyPackage already.
  const signer: SignerStanding = keyFile
    ? { kind: 'key-file' }
    : standingOf(keyring, summary.signer, organiserOf(summary.congress));
  if (signer.kind === 'key-file' || signer.kind === 'registered') {
    return { verdict: 'pass', summary, signer };
  }
  return { verdict: 'unregistered', summary, signer, reason: standingReason(signer, summary) };
}
