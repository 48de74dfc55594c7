import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { z } from 'zod';
import type { SigningAlgorithm } from '../../../shared/export/manifest';
import { fail, ok, type Result } from '../../../shared/api/result';
import { keyFingerprint } from '../../platform/keys';

/*
 * The installation's signing keys, sealed with the backup passphrase so that a backup can carry
 * them onto a stick. scrypt turns the passphrase into 64 bytes: the first 32 are the AES-256-GCM
 * key, the last 32 are stored as a check that tells a wrong passphrase from altered data (the
 * GCM tag alone cannot). The salt, the scrypt parameters, the nonce and the tag travel beside the
 * ciphertext; the list of keys (scheme and fingerprint) is readable without the passphrase and
 * bound to the ciphertext as additional authenticated data.
 */

const format = 'congress-tally-signing-keys' as const;
/** About half a second and 128 MB per attempt on a hall laptop. */
const cost = { N: 2 ** 17, r: 8, p: 1 };
const maxmem = 512 * 1024 * 1024;

const base64 = z.base64();

const envelopeSchema = z.strictObject({
  format: z.literal(format),
  version: z.literal(1),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    // Bounded, so that a crafted backup cannot make restore spend unbounded memory or time.
    N: z.int().refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0),
    r: z.int().min(1).max(16),
    p: z.int().min(1).max(4),
    salt: base64,
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), nonce: base64, tag: base64 }),
  check: base64,
  keys: z
    .array(
      z.strictObject({
        algorithm: z.enum(['ed25519', 'sm2-sm3']),
        fingerprint: z.string().min(1),
      }),
    )
    .min(1),
  ciphertext: base64,
});

export type KeyEnvelope = z.infer<typeof envelopeSchema>;

export interface KeyText {
  algorithm: SigningAlgorithm;
  fingerprint: string;
  /** The key file's exact text (PEM or JSON). */
  text: string;
}

const plaintextSchema = z.array(
  z.strictObject({ algorithm: z.enum(['ed25519', 'sm2-sm3']), text: z.string() }),
);

export function readEnvelope(value: unknown): KeyEnvelope | undefined {
  const parsed = envelopeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function derive(passphrase: string, salt: Buffer, kdf: { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...kdf, maxmem }, (error, bytes) => {
      if (error) reject(error);
      else resolve(bytes);
    });
  });
}

/** The bytes the tag also covers: everything readable without the passphrase. */
function associated(envelope: Pick<KeyEnvelope, 'format' | 'version' | 'kdf' | 'keys'>): Buffer {
  const { format: f, version, kdf, keys } = envelope;
  return Buffer.from(JSON.stringify({ format: f, version, kdf, keys }), 'utf8');
}

export async function sealKeys(passphrase: string, keys: readonly KeyText[]): Promise<KeyEnvelope> {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const kdf = { name: 'scrypt' as const, ...cost, salt: salt.toString('base64') };
  const derived = await derive(passphrase, salt, cost);
  const header = {
    format,
    version: 1 as const,
    kdf,
    keys: keys.map(({ algorithm, fingerprint }) => ({ algorithm, fingerprint })),
  };
  const cipher = createCipheriv('aes-256-gcm', derived.subarray(0, 32), nonce, {
    authTagLength: 16,
  });
  cipher.setAAD(associated(header));
  const plaintext = JSON.stringify(keys.map(({ algorithm, text }) => ({ algorithm, text })));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    ...header,
    cipher: {
      name: 'aes-256-gcm',
      nonce: nonce.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    check: derived.subarray(32).toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/**
 * The keys, if the passphrase is right and nothing was altered: a wrong passphrase is refused on
 * the field 'passphrase'; altered data as 'invalid-state'. Each key is checked against the
 * fingerprint listed for it.
 */
export async function openKeys(
  envelope: KeyEnvelope,
  passphrase: string,
): Promise<Result<KeyText[]>> {
  const altered = fail(
    'invalid-state',
    '备份中加密保存的签名密钥未通过校验（数据已损坏或被改动）',
    { field: 'passphrase' },
  );
  const { N, r, p, salt } = envelope.kdf;
  const derived = await derive(passphrase, Buffer.from(salt, 'base64'), { N, r, p });
  const check = Buffer.from(envelope.check, 'base64');
  if (check.length !== 32 || !timingSafeEqual(check, derived.subarray(32))) {
    return fail('invalid-argument', '备份口令不对，请重新输入', { field: 'passphrase' });
  }
  let plaintext: string;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      derived.subarray(0, 32),
      Buffer.from(envelope.cipher.nonce, 'base64'),
      { authTagLength: 16 },
    );
    decipher.setAAD(associated(envelope));
    decipher.setAuthTag(Buffer.from(envelope.cipher.tag, 'base64'));
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(envelope.ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return altered;
  }
  let parsed;
  try {
    parsed = plaintextSchema.safeParse(JSON.parse(plaintext));
  } catch {
    return altered;
  }
  if (!parsed.success || parsed.data.length !== envelope.keys.length) return altered;
  const keys: KeyText[] = [];
  for (const [i, { algorithm, text }] of parsed.data.entries()) {
    const listed = envelope.keys[i];
    if (listed?.algorithm !== algorithm || keyFingerprint(algorithm, text) !== listed.fingerprint) {
      return altered;
    }
    keys.push({ algorithm, fingerprint: listed.fingerprint, text });
  }
  return ok(keys);
}
