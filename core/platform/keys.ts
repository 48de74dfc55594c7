import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { z } from 'zod';
import {
  publicKeyFileSchema,
  publicKeyFormat,
  type PublicKeyFile,
  type SigningAlgorithm,
} from '../../shared/export/manifest';
import { fail, ok, type Result } from '../../shared/api/result';
import { writeDurably } from './durable-files';
import { fingerprintOf, isPublicKey, signSm2 } from '../export/package/signature';

/*
 * The installation's signing keys. They live in `keys/` beside the database file: in the app
 * that is the user-data folder, with --db (drills, the command line) the database's own folder.
 * The folder is 0700 and each private key 0600 (owner only; on Windows the per-user profile's
 * permissions apply). A key is made at first use and never replaced: the county office registers
 * its fingerprint, so a new key would make every later package look foreign. Only a restore puts
 * another key in its place, the registered one brought back from a backup (see replaceKey).
 */

export interface SigningKey {
  algorithm: SigningAlgorithm;
  /** Ed25519: the 32 raw bytes; SM2: the uncompressed point; hex. */
  publicKey: string;
  fingerprint: string;
  /** The signature over the message's exact bytes, hex. */
  sign(message: Uint8Array): string;
}

const keyFiles: Record<SigningAlgorithm, string> = {
  ed25519: 'ed25519-private.pem',
  'sm2-sm3': 'sm2-private.json',
};

export function keysFolder(databaseFile: string): string {
  return join(dirname(resolve(databaseFile)), 'keys');
}

/** The installation's key of this scheme, made now if there is none yet. */
export async function signingKey(
  folder: string,
  algorithm: SigningAlgorithm,
): Promise<Result<{ key: SigningKey; created: boolean }>> {
  const file = join(folder, keyFiles[algorithm]);
  const existing = await readKeyFile(file);
  if (existing !== undefined) return parseKey(algorithm, existing, file, false);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const made = algorithm === 'ed25519' ? newEd25519() : newSm2();
  try {
    await writeDurably(file, [Buffer.from(made, 'utf8')], { mode: 0o600, exclusive: true });
  } catch (error) {
    // Another window or the command line made it first: theirs is the key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey(algorithm, (await readKeyFile(file)) ?? '', file, false);
  }
  return parseKey(algorithm, made, file, true);
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The exact text of the installation's key file of this scheme, if it has one. */
export function keyText(folder: string, algorithm: SigningAlgorithm): Promise<string | undefined> {
  return readKeyFile(join(folder, keyFiles[algorithm]));
}

/** The fingerprint of a key file's text, or undefined when it is not a valid key of the scheme. */
export function keyFingerprint(algorithm: SigningAlgorithm, text: string): string | undefined {
  return (algorithm === 'ed25519' ? ed25519Key(text) : sm2Key(text))?.fingerprint;
}

/**
 * Puts a key file (checked by the caller, from a backup) in place. A different key already there
 * is renamed aside with `suffix`, never deleted. Returns where it went, or null when the same
 * key was there already and nothing changed.
 */
export async function replaceKey(
  folder: string,
  algorithm: SigningAlgorithm,
  text: string,
  suffix: string,
): Promise<{ keptAs: string | null; changed: boolean }> {
  const file = join(folder, keyFiles[algorithm]);
  const existing = await readKeyFile(file);
  if (existing === text) return { keptAs: null, changed: false };
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const keptAs = existing === undefined ? null : `${file}.${suffix}`;
  if (keptAs !== null) await rename(file, keptAs);
  await writeDurably(file, [Buffer.from(text, 'utf8')], { mode: 0o600 });
  return { keptAs, changed: true };
}

function newEd25519(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

const sm2FileSchema = z.strictObject({
  algorithm: z.literal('sm2-sm3'),
  privateKey: z.string().regex(/^[0-9a-f]{64}$/),
  publicKey: z.string().regex(/^04[0-9a-f]{128}$/),
});

function newSm2(): string {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return `${JSON.stringify({ algorithm: 'sm2-sm3', privateKey, publicKey }, null, 2)}\n`;
}

function parseKey(
  algorithm: SigningAlgorithm,
  text: string,
  file: string,
  created: boolean,
): Result<{ key: SigningKey; created: boolean }> {
  const key = algorithm === 'ed25519' ? ed25519Key(text) : sm2Key(text);
  if (!key) {
    return fail(
      'invalid-state',
      `签名密钥文件 ${file} 已损坏，无法签名。请从备份中找回该文件；不要删除它另建新密钥，否则上级已登记的指纹将不再相符。`,
    );
  }
  return ok({ key, created });
}

function ed25519Key(pem: string): SigningKey | undefined {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    return undefined;
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') return undefined;
  const publicKey = rawEd25519(createPublicKey(privateKey));
  return {
    algorithm: 'ed25519',
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (message) => sign(null, message, privateKey).toString('hex'),
  };
}

function rawEd25519(key: KeyObject): string {
  const { x } = key.export({ format: 'jwk' });
  return Buffer.from(x ?? '', 'base64url').toString('hex');
}

function sm2Key(text: string): SigningKey | undefined {
  let parsed;
  try {
    parsed = sm2FileSchema.safeParse(JSON.parse(text));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const { privateKey, publicKey } = parsed.data;
  if (sm2.getPublicKeyFromPrivateKey(privateKey) !== publicKey) return undefined;
  return {
    algorithm: 'sm2-sm3',
    publicKey,
    fingerprint: fingerprintOf(publicKey),
    sign: (message) => signSm2(message, privateKey, publicKey),
  };
}

/** The file the county office registers: the scheme, the public key and its fingerprint. */
export function publicKeyFile(key: Pick<SigningKey, 'algorithm' | 'publicKey' | 'fingerprint'>): {
  fileName: string;
  content: string;
} {
  const file: PublicKeyFile = {
    format: publicKeyFormat,
    version: 1,
    algorithm: key.algorithm,
    publicKey: key.publicKey,
    fingerprint: key.fingerprint,
  };
  return {
    fileName: `签名公钥-${key.fingerprint.replaceAll(' ', '')}.json`,
    content: `${JSON.stringify(file, null, 2)}\n`,
  };
}

export interface PublicKey {
  algorithm: SigningAlgorithm;
  publicKey: string;
  fingerprint: string;
}

/** A registered public key: our JSON file, or an Ed25519 key in PEM (SubjectPublicKeyInfo). */
export function readPublicKey(text: string): Result<PublicKey> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) return pemPublicKey(trimmed);
  let parsed;
  try {
    parsed = publicKeyFileSchema.safeParse(JSON.parse(trimmed));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    return fail(
      'invalid-argument',
      '公钥文件无效：应为本程序导出的“签名公钥”JSON 文件或 PEM 格式的 Ed25519 公钥',
    );
  }
  const { algorithm, publicKey, fingerprint } = parsed.data;
  if (!isPublicKey(algorithm, publicKey)) {
    return fail('invalid-argument', '公钥文件无效：其中的公钥不是有效的密钥');
  }
  if (fingerprintOf(publicKey) !== fingerprint) {
    return fail('invalid-argument', '公钥文件无效：所记指纹与公钥不符（文件被改动过）');
  }
  return ok({ algorithm, publicKey, fingerprint });
}

function pemPublicKey(pem: string): Result<PublicKey> {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') {
      const publicKey = rawEd25519(key);
      return ok({ algorithm: 'ed25519', publicKey, fingerprint: fingerprintOf(publicKey) });
    }
  } catch {
    // Reported below with the rest.
  }
  return fail('invalid-argument', '公钥文件无效：PEM 文件中不是 Ed25519 公钥');
}
