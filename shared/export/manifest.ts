import { z } from 'zod';
import { congressSchema, notExportedSchema } from './results';

/*
 * manifest.json names every other file of the package with its digest and size, pins the audit
 * log by its head hash, and says who signed; manifest.sig is the signature over its exact bytes.
 * The digest of manifest.json is the package's digest, printed on paper after the export.
 */

export const manifestFormat = 'congress-tally-results';
export const manifestVersion = 1;
export const signatureFormat = 'congress-tally-results/signature';

const signingAlgorithms = ['ed25519', 'sm2-sm3'] as const;
export type SigningAlgorithm = (typeof signingAlgorithms)[number];

/** The files' digests follow the signature: SHA-256 with Ed25519, SM3 with SM2 (国密). */
export const digestAlgorithms = { ed25519: 'sha-256', 'sm2-sm3': 'sm3' } as const;
export type DigestAlgorithm = (typeof digestAlgorithms)[SigningAlgorithm];

/** The user ID in SM2's Z value: the default of GB/T 35276-2017. */
export const sm2UserId = '1234567812345678';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** Files every package holds besides the manifest and its signature, and the PDFs. */
export const requiredFiles = [
  'results.json',
  'ballots.json',
  'audit.jsonl',
  'results.csv',
] as const;
export const manifestFile = 'manifest.json';
export const signatureFile = 'manifest.sig';

const safePath = z
  .string()
  .regex(/^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/, '文件名不合规范');

export const manifestSchema = z.strictObject({
  format: z.literal(manifestFormat),
  version: z.literal(manifestVersion),
  createdAt: z.iso.datetime(),
  generator: z.strictObject({ name: z.literal('congress-tally'), version: z.string() }),
  congress: congressSchema,
  signer: z.strictObject({
    algorithm: z.enum(signingAlgorithms),
    /** Ed25519: the 32 raw bytes; SM2: the uncompressed point (04 ‖ x ‖ y), 65 bytes. */
    publicKey: z.string().regex(/^[0-9a-f]+$/),
    fingerprint: z.string(),
  }),
  digestAlgorithm: z.enum(['sha-256', 'sm3']),
  files: z
    .array(
      z.strictObject({
        path: safePath,
        size: z.int().nonnegative(),
        digest: hex(32),
        /** What a PDF is, in Chinese: 计票结果报告单（…） */
        title: z.string().optional(),
      }),
    )
    .min(requiredFiles.length),
  audit: z.strictObject({ rows: z.int().nonnegative(), head: hex(32) }),
  rounds: z.strictObject({
    exported: z.array(
      z.strictObject({
        roundId: z.int().positive(),
        electionId: z.int().positive(),
        election: z.string(),
        label: z.string(),
        certifiedAt: z.iso.datetime(),
      }),
    ),
    notExported: z.array(notExportedSchema),
  }),
  /** Reports that could not be included, and why; empty when every report is there. */
  missingReports: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;

/**
 * manifest.sig: the signature, and the digest of the manifest it was made over. The digest lets a
 * verifier say which of the two files was changed; the signature alone decides.
 */
export const signatureSchema = z.strictObject({
  format: z.literal(signatureFormat),
  version: z.literal(1),
  algorithm: z.enum(signingAlgorithms),
  manifestDigest: hex(32),
  /** Ed25519: 64 bytes; SM2: r ‖ s, 64 bytes. */
  signature: hex(64),
});

export type SignatureDocument = z.infer<typeof signatureSchema>;

export const publicKeyFormat = 'congress-tally-results/public-key';

/** The public key file an installation gives the county office to register (verify --key). */
export const publicKeyFileSchema = z.strictObject({
  format: z.literal(publicKeyFormat),
  version: z.literal(1),
  algorithm: z.enum(signingAlgorithms),
  publicKey: z.string().regex(/^[0-9a-f]+$/),
  fingerprint: z.string(),
});

export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;
