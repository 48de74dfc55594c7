import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  publicKeyFile,
  readPublicKey,
  signingKey,
  type SigningKey,
} from '../../../core/platform/keys';
import { shortForm } from '../../../core/export/package/signature';
import type { LatestExport } from '../../../shared/api/export';
import type { BallotsDocument, CastVote } from '../../../shared/export/ballots';
import type { Manifest } from '../../../shared/export/manifest';
import type { ResultsDocument } from '../../../shared/export/results';
import { exportedPackage, failedAt, verdictOf } from './exported';
import { json, replaced, resigned, rezip, tempDir, utf8 } from './fixture';
import type { ZipEntry } from '../../../core/export/package/zip';

/* Verification of an exported package: untouched, tampered with, or signed again. */

let bytes: Buffer;
let file: string;
let entries: ZipEntry[];
let exported: LatestExport;
let ourKey: SigningKey;

beforeAll(async () => {
  ({ bytes, file, entries, exported, ourKey } = await exportedPackage());
});

describe('verification', () => {
  it('passes an untouched package, and the same package copied elsewhere', () => {
    const verdict = verdictOf(bytes);
    expect(verdict).toMatchObject({ ok: true });
    const copy = join(tempDir('ct-copy-'), 'copied.zip');
    copyFileSync(file, copy);
    const again = verdictOf(readFileSync(copy));
    expect(again).toEqual(verdict);
    if (!again.ok) return;
    expect(again.summary.elections[0]?.elected).toEqual(['丁一', '王二']);
    expect(again.summary.digest.short).toBe(shortForm(exported.digest));
    expect(again.summary.signer).toEqual({
      algorithm: 'ed25519',
      publicKey: ourKey.publicKey,
      fingerprint: exported.fingerprint,
    });
  });

  it('checks the signer against a registered public key when one is given', () => {
    const registered = readPublicKey(publicKeyFile(ourKey).content);
    if (!registered.ok) throw new Error(registered.error.message);
    const verdict = verdictOf(bytes, registered.value);
    expect(verdict.ok && verdict.summary.signer.fingerprint).toBe(ourKey.fingerprint);
  });

  it('names the file when one byte of it changes in the zip', () => {
    let offset = 0;
    for (const entry of entries) {
      const headerLength = 30 + Buffer.byteLength(entry.name);
      for (const at of [0, entry.data.length >> 1, entry.data.length - 1]) {
        const changed = Buffer.from(bytes);
        const position = offset + headerLength + at;
        changed[position] = (changed[position] ?? 0) ^ 0x20;
        expect(failedAt(changed), `${entry.name} byte ${at}`).toBe(entry.name);
      }
      offset += headerLength + entry.data.length;
    }
  });

  it('names the file when one byte of it changes and the zip is made again', () => {
    for (const entry of entries) {
      const data = Buffer.from(entry.data);
      const at = data.length >> 1;
      data[at] = (data[at] ?? 0) ^ 0x01;
      expect(failedAt(rezip(replaced(entries, entry.name, data))), entry.name).toBe(entry.name);
    }
  });

  it('names a file that was removed, and one that was added', () => {
    for (const entry of entries) {
      const without = entries.filter((e) => e !== entry);
      expect(failedAt(rezip(without)), entry.name).toBe(entry.name);
    }
    const added = rezip([...entries, { name: 'notes.txt', data: utf8('已核对') }]);
    expect(failedAt(added)).toBe('notes.txt');
  });

  it('refuses ballots moved from one round to another', () => {
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    const [formal, runoff] = ballots.rounds;
    if (!formal || !runoff) throw new Error('two rounds expected');
    const swapped = {
      ...ballots,
      rounds: [
        { ...formal, ballots: runoff.ballots },
        { ...runoff, ballots: formal.ballots },
      ],
    };
    const data = utf8(JSON.stringify(swapped));
    expect(failedAt(rezip(replaced(entries, 'ballots.json', data)))).toBe('ballots.json');
  });

  it('refuses a package signed again with another key when the registered key is given', async () => {
    const other = await signingKey(tempDir('ct-other-key-'), 'ed25519');
    if (!other.ok) throw new Error(other.error.message);
    const forged = resigned(entries, other.value.key);
    // On its own the forgery is a well-formed package of another signer: only the fingerprint,
    // printed on paper and registered at the county, tells.
    const alone = verdictOf(forged);
    expect(alone.ok && alone.summary.signer.fingerprint).toBe(other.value.key.fingerprint);
    expect(alone.ok && alone.summary.signer.fingerprint).not.toBe(exported.fingerprint);
    const registered = readPublicKey(publicKeyFile(ourKey).content);
    if (!registered.ok) throw new Error(registered.error.message);
    const verdict = verdictOf(forged, registered.value);
    expect(verdict.ok || verdict.file).toBe('manifest.sig');
    expect(verdict.ok || verdict.reason).toContain(exported.fingerprint);
  });

  it('refuses a manifest signed by another key while naming ours as the signer', async () => {
    const other = await signingKey(tempDir('ct-other-key-'), 'ed25519');
    if (!other.ok) throw new Error(other.error.message);
    const manifest = json<Manifest>(entries, 'manifest.json');
    const impostor = {
      ...other.value.key,
      publicKey: manifest.signer.publicKey,
      fingerprint: manifest.signer.fingerprint,
    };
    expect(failedAt(resigned(entries, impostor))).toBe('manifest.sig');
  });
});

describe('an insider who holds the signing key', () => {
  it('cannot change one ballot: the results no longer follow from the ballots', () => {
    const key = ourKey;
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    const formal = ballots.rounds[0];
    // The ballots are shuffled: take the one with the fewest ○, so it is never an over-vote, which
    // one ○ less would turn valid.
    const votesFor = (b: CastVote) =>
      [...b.marks].filter((m) => m === 'O').length +
      b.writeIns.filter((w) => w.mark === 'O').length;
    const counted = (formal?.ballots ?? []).filter((b) => !b.invalid && b.marks.startsWith('O'));
    const fewest = counted.reduce<CastVote | undefined>(
      (best, b) => (best && votesFor(best) <= votesFor(b) ? best : b),
      undefined,
    );
    const index = fewest ? (formal?.ballots.indexOf(fewest) ?? -1) : -1;
    const target = formal?.ballots[index];
    if (!formal || !target) throw new Error('no ballot for 丁一');
    formal.ballots[index] = { ...target, marks: `X${target.marks.slice(1)}` };
    const verdict = verdictOf(
      resigned(entries, key, { 'ballots.json': utf8(JSON.stringify(ballots)) }),
    );
    expect(verdict.ok || verdict.file).toBe('results.json');
    expect(verdict.ok || verdict.reason).toMatch(
      /重新计票，“丁一”的赞成票为 11，而 results\.json 记载为 12/,
    );
  });

  it('cannot change a count in results.json', () => {
    const key = ourKey;
    const results = json<ResultsDocument>(entries, 'results.json');
    const name = results.elections[0]?.rounds[0]?.result.results.find((n) => n.name === '张四');
    if (!name) throw new Error('no 张四');
    name.for = 5;
    const verdict = verdictOf(
      resigned(entries, key, { 'results.json': utf8(JSON.stringify(results)) }),
    );
    expect(verdict.ok || verdict.file).toBe('results.json');
  });

  it('cannot drop a ballot', () => {
    const key = ourKey;
    const ballots = json<BallotsDocument>(entries, 'ballots.json');
    ballots.rounds[1]?.ballots.pop();
    const verdict = verdictOf(
      resigned(entries, key, { 'ballots.json': utf8(JSON.stringify(ballots)) }),
    );
    expect(verdict.ok || verdict.file).toBe('ballots.json');
  });

  it('cannot make the spreadsheet say something else', () => {
    const key = ourKey;
    const csv = Buffer.from(entries.find((e) => e.name === 'results.csv')?.data ?? []).toString();
    const edited = utf8(csv.replace(/,丁一,否,12,/, ',丁一,否,21,'));
    expect(edited.toString()).not.toBe(csv);
    const verdict = verdictOf(resigned(entries, key, { 'results.csv': edited }));
    expect(verdict.ok || verdict.file).toBe('results.csv');
  });

  it('cannot rewrite the audit log without breaking its chain', () => {
    const key = ourKey;
    const audit = Buffer.from(entries.find((e) => e.name === 'audit.jsonl')?.data ?? []).toString();
    const edited = utf8(audit.replace('"actor":"钱总监"', '"actor":"赵监票"'));
    expect(edited.toString()).not.toBe(audit);
    const verdict = verdictOf(resigned(entries, key, { 'audit.jsonl': edited }));
    expect(verdict.ok || verdict.file).toBe('audit.jsonl');
  });
});
