import { z } from 'zod';
import type { SigningAlgorithm } from '../export/manifest';
import type { ProfileId } from '../tally/types';
import type { Office, Outcome, RoundKind } from '../tally/types';
import { idSchema } from './fields';
import { method, returns } from './method';
import { roleGroups, roles } from '../domain/roles';

/*
 * 报送: the signed results package of a congress, the installation's signing key, and checking a
 * package (the county office's side, which needs no congress and no sign-in).
 */

export interface SigningKeyInfo {
  algorithm: SigningAlgorithm;
  /** Ed25519, or SM2/SM3（国密）. */
  algorithmLabel: string;
  /** 3F2A 9C01 77B4 E0D2 51AA */
  fingerprint: string;
}

/** The package most recently written for a congress: its seal is printed on later result sheets. */
export interface LatestExport {
  createdAt: string;
  file: string;
  size: number;
  digestAlgorithm: 'sha-256' | 'sm3';
  /** The digest of manifest.json, hex. */
  digest: string;
  /** The same in short form, as printed. */
  digestShort: string;
  fingerprint: string;
  algorithm: SigningAlgorithm;
  rounds: { roundId: number; certifiedAt: string }[];
  by: string;
}

export interface ExportRound {
  roundId: number;
  election: string;
  label: string;
  /** Whether the package includes it; if not, why. */
  exported: boolean;
  reason: string | null;
}

export interface ExportStatus {
  congress: { id: number; name: string } | null;
  key: SigningKeyInfo;
  rounds: ExportRound[];
  latest: LatestExport | null;
  /** The folder the last package went to, to offer again. */
  folder: string | null;
  /** Certified since the latest export: that package does not hold them. */
  newSinceLatest: number;
}

export interface PublicKeyDownload {
  fileName: string;
  /** The key file's text (JSON). */
  content: string;
  fingerprint: string;
}

/** A package as read, once every check has passed. */
export interface PackageSummary {
  format: string;
  version: number;
  createdAt: string;
  generator: string;
  congress: { name: string; term: string; organiser: string; heldOn: string; profile: ProfileId };
  /** The key the package says signed it (the signature has been checked against it). */
  signer: { algorithm: SigningAlgorithm; publicKey: string; fingerprint: string };
  digest: { algorithm: 'sha-256' | 'sm3'; hex: string; short: string };
  /** The text of the QR code printed on result sheets after this export, to compare with. */
  sealText: string;
  audit: { rows: number; head: string };
  elections: SummaryElection[];
  notExported: { election: string; label: string; reason: string }[];
  files: { path: string; size: number; title: string | null }[];
  missingReports: string[];
}

export interface SummaryElection {
  title: string;
  office: Office;
  seats: number;
  /** Elected in the package's rounds (预选 aside), round by round. */
  elected: string[];
  /** 应到 and 实到 of the first round (实到 null where the rule counts ballots returned). */
  electorate: { entitled: number; present: number | null } | null;
  rounds: SummaryRound[];
}

export interface SummaryRound {
  roundId: number;
  label: string;
  kind: RoundKind;
  status: 'valid' | 'invalid';
  certifiedAt: string;
  certifiedBy: string;
  ballots: { issued: number; returned: number; valid: number | null; invalid: number | null };
  threshold: number | null;
  elected: string[];
  names: {
    name: string;
    writeIn: boolean;
    for: number;
    against: number | null;
    abstain: number | null;
    outcome: Outcome;
  }[];
}

/** The package's own checks: everything holds, or the first thing that does not, and where. */
export type Integrity =
  { ok: true; summary: PackageSummary } | { ok: false; file: string; reason: string };

/**
 * Whom the keyring (or the key file given) says the signer is:
 * - key-file: the public key file given for this check;
 * - registered: the keyring's entry for the package's organiser;
 * - other-organiser: registered, but for other organisers only;
 * - changed: the organiser is known, with another key (a restored laptop, or a forgery);
 * - withdrawn: the key was registered for this organiser and has been withdrawn;
 * - unknown: neither the key nor the organiser is in the keyring.
 */
export type SignerStanding =
  | { kind: 'key-file' }
  | { kind: 'registered'; entryId: number; registeredAt: string; registeredBy: string }
  | { kind: 'other-organiser'; organisers: string[] }
  | { kind: 'changed'; fingerprints: string[] }
  | { kind: 'withdrawn'; at: string; by: string; reason: string }
  | { kind: 'unknown' };

/**
 * 通过 (pass): intact and signed by a key vouched for that organiser; 签名者未登记 (unregistered):
 * intact, but nothing vouches for the signer; 未通过 (fail): something is broken.
 */
export type Verdict =
  | { verdict: 'pass'; summary: PackageSummary; signer: SignerStanding }
  | { verdict: 'unregistered'; summary: PackageSummary; signer: SignerStanding; reason: string }
  | { verdict: 'fail'; file: string; reason: string };

const signingAlgorithmSchema = z.enum(['ed25519', 'sm2-sm3'], {
  error: '应为 ed25519 或 sm2-sm3（国密）',
});

/** Where the package goes: a folder on this computer, a USB stick included. */
const folderSchema = z
  .string({ error: '应为文件夹路径' })
  .trim()
  .min(1, '请填写保存结果包的文件夹')
  .max(1000, '路径过长');

export const exportMethods = {
  'export.status': method({
    input: z.strictObject({ congressId: idSchema.optional() }),
    access: roles,
    output: returns<ExportStatus>(),
  }),
  /** Writes the signed package into the folder (audited); only certified rounds go in. */
  'export.package': method({
    input: z.strictObject({ congressId: idSchema, folder: folderSchema }),
    access: roleGroups.scrutineers,
    output: returns<LatestExport>(),
  }),
  /** The public key file for the county office to register. */
  'export.publicKey': method({
    input: z.strictObject({}),
    access: roles,
    output: returns<PublicKeyDownload>(),
  }),
  /** Ed25519 or SM2/SM3 for the packages from now on (audited); each has its own key. */
  'export.setAlgorithm': method({
    input: z.strictObject({ algorithm: signingAlgorithmSchema }),
    access: roleGroups.keyHolders,
    output: returns<SigningKeyInfo>(),
  }),
  /**
   * Checks a package, given as its bytes: public, because the county office verifies with no
   * congress and no people set up, and because it reads nothing but what it is given.
   */
  'export.verify': method({
    input: z.strictObject({
      package: z.base64({ error: '应为结果包文件的内容（base64）' }).min(1, '请选择结果包文件'),
      publicKey: z.string({ error: '应为公钥文件的内容' }).max(10_000, '公钥文件过大').optional(),
    }),
    access: 'public',
    output: returns<Verdict>(),
  }),
};
