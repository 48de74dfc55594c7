import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  publicKeyFile,
  readPublicKey,
  signingKey,
  type SigningKey,
} from '../../../core/platform/keys';
import { digestHex, fingerprintOf, verifySignature } from '../../../core/export/package/signature';
import { tempDir } from './fixture';

const message = Buffer.from('{"format":"congress-tally-results"}\n', 'utf8');

async function keyIn(folder: string, algorithm: SigningKey['algorithm']) {
  const made = await signingKey(folder, algorithm);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

describe('SM3 (GB/T 32905-2016)', () => {
  it('gives the standard’s digests', () => {
    expect(digestHex('sm3', Buffer.from('abc'))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(digestHex('sm3', Buffer.from('abcd'.repeat(16)))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
  });
});

describe('SM2 signatures (GB/T 32918.2-2016, GM/T 0003.5)', () => {
  it('accept the standard’s example signature on "message digest", and nothing else', () => {
    const privateKey = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
    const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
    expect(publicKey).toBe(
      '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
        'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
    );
    const signature =
      'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
      'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';
    const text = Buffer.from('message digest');
    expect(verifySignature('sm2-sm3', publicKey, text, signature)).toBe(true);
    expect(verifySignature('sm2-sm3', publicKey, Buffer.from('message digesT'), signature)).toBe(
      false,
    );
  });

  it('round-trips with an installation key, and fails on a changed byte or another key', async () => {
    const { key } = await keyIn(tempDir('ct-keys-'), 'sm2-sm3');
    const signature = key.sign(message);
    expect(verifySignature('sm2-sm3', key.publicKey, message, signature)).toBe(true);
    const changed = Buffer.from(message);
    changed[3] = (changed[3] ?? 0) ^ 1;
    expect(verifySignature('sm2-sm3', key.publicKey, changed, signature)).toBe(false);
    const { key: other } = await keyIn(tempDir('ct-keys-'), 'sm2-sm3');
    expect(verifySignature('sm2-sm3', other.publicKey, message, signature)).toBe(false);
  });
});

describe('the installation’s signing key', () => {
  it('is made once, private to its owner, and the same at every later use', async () => {
    const folder = join(tempDir('ct-keys-'), 'keys');
    const first = await keyIn(folder, 'ed25519');
    expect(first.created).toBe(true);
    const [file] = readdirSync(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, file ?? '')).mode & 0o777).toBe(0o600);
    const again = await keyIn(folder, 'ed25519');
    expect(again.created).toBe(false);
    expect(again.key.fingerprint).toBe(first.key.fingerprint);
    expect(first.key.fingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){4}$/);
    expect(first.key.fingerprint).toBe(fingerprintOf(first.key.publicKey));
    const signature = again.key.sign(message);
    expect(verifySignature('ed25519', first.key.publicKey, message, signature)).toBe(true);
  });

  it('is made only once when two callers ask at the same moment', async () => {
    const folder = join(tempDir('ct-keys-'), 'keys');
    const both = await Promise.all([keyIn(folder, 'ed25519'), keyIn(folder, 'ed25519')]);
    expect(both.filter((k) => k.created)).toHaveLength(1);
    expect(both[0]?.key.publicKey).toBe(both[1]?.key.publicKey);
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('is refused, not replaced, when its file is damaged', async () => {
    const folder = join(tempDir('ct-keys-'), 'keys');
    await keyIn(folder, 'ed25519');
    const file = join(folder, readdirSync(folder)[0] ?? '');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/[A-Za-z]/, '*'));
    const damaged = await signingKey(folder, 'ed25519');
    expect(damaged.ok || damaged.error.message).toContain('已损坏');
    expect(readdirSync(folder)).toHaveLength(1);
  });
});

describe('the public key file the county registers', () => {
  it('reads back as the same key, for either scheme', async () => {
    for (const algorithm of ['ed25519', 'sm2-sm3'] as const) {
      const { key } = await keyIn(tempDir('ct-keys-'), algorithm);
      const read = readPublicKey(publicKeyFile(key).content);
      expect(read).toEqual({
        ok: true,
        value: { algorithm, publicKey: key.publicKey, fingerprint: key.fingerprint },
      });
    }
  });

  it('is refused when its key or fingerprint was changed', async () => {
    const { key } = await keyIn(tempDir('ct-keys-'), 'ed25519');
    const file = JSON.parse(publicKeyFile(key).content) as { fingerprint: string };
    const wrongPrint = JSON.stringify({ ...file, fingerprint: '0000 0000 0000 0000 0000' });
    expect(readPublicKey(wrongPrint).ok).toBe(false);
    expect(readPublicKey('not a key').ok).toBe(false);
  });

  it('may also be an Ed25519 key in PEM', async () => {
    const { key } = await keyIn(tempDir('ct-keys-'), 'ed25519');
    const der = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(key.publicKey, 'hex'),
    ]);
    const pem = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
    expect(readPublicKey(pem)).toEqual({
      ok: true,
      value: { algorithm: 'ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint },
    });
  });
});
