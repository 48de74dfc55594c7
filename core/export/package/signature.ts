import { createHash, createPublicKey, verify } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto-v2';
import {
  sm2UserId,
  type DigestAlgorithm,
  type SigningAlgorithm,
} from '../../../shared/export/manifest';

/*
 * The two signature schemes a package may carry. Ed25519 comes from Node's own crypto. SM2 and
 * SM3 (国密) come from sm-crypto-v2, a pure-JS implementation: Electron's BoringSSL has neither,
 * so crypto.createHash('sm3') would work in Node and fail in the app.
 */

export function digestHex(algorithm: DigestAlgorithm, bytes: Uint8Array): string {
  return algorithm === 'sm3' ? sm3(bytes) : createHash('sha256').update(bytes).digest('hex');
}

/** A public key or digest as people compare it: the first 20 hex digits, in groups of four. */
export function shortForm(hex: string): string {
  return (
    hex
      .slice(0, 20)
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/**
 * The key's fingerprint, printed on result sheets and shown in the app: SHA-256 of the raw public
 * key bytes, in short form, whatever the signature scheme.
 */
export function fingerprintOf(publicKeyHex: string): string {
  return shortForm(createHash('sha256').update(Buffer.from(publicKeyHex, 'hex')).digest('hex'));
}

/** Whether the public key has the form its scheme needs (and, for SM2, lies on the curve). */
export function isPublicKey(algorithm: SigningAlgorithm, publicKeyHex: string): boolean {
  if (!/^(?:[0-9a-f]{2})+$/.test(publicKeyHex)) return false;
  if (algorithm === 'ed25519') return publicKeyHex.length === 64;
  return publicKeyHex.length === 130 && publicKeyHex.startsWith('04') && sm2VerifyKey(publicKeyHex);
}

function sm2VerifyKey(publicKeyHex: string): boolean {
  try {
    return sm2.verifyPublicKey(publicKeyHex);
  } catch {
    return false;
  }
}

/** Checks a signature (hex) over the message's exact bytes; false for anything malformed. */
export function verifySignature(
  algorithm: SigningAlgorithm,
  publicKeyHex: string,
  message: Uint8Array,
  signatureHex: string,
): boolean {
  if (!isPublicKey(algorithm, publicKeyHex) || !/^[0-9a-f]{128}$/.test(signatureHex)) return false;
  try {
    if (algorithm === 'sm2-sm3') {
      return sm2.doVerifySignature(message, signatureHex, publicKeyHex, {
        hash: true,
        userId: sm2UserId,
      });
    }
    const key = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(publicKeyHex, 'hex').toString('base64url'),
      },
      format: 'jwk',
    });
    return verify(null, message, key, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}

/** SM2 with SM3 (Z value with the default user ID), r ‖ s as 128 hex digits. */
export function signSm2(message: Uint8Array, privateKeyHex: string, publicKeyHex: string): string {
  return sm2.doSignature(message, privateKeyHex, {
    hash: true,
    publicKey: publicKeyHex,
    userId: sm2UserId,
  });
}
