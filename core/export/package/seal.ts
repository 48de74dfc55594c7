import { renderSVG } from 'uqr';
import { z } from 'zod';
import type { Store } from '../../../db/store';
import type { LatestExport } from '../../../shared/api/export';
import type { Seal } from '../../reports/templates/results/parts';
import { isTallied } from '../../results/tally-input';
import { shortForm } from './signature';

/*
 * The seal ties paper to file: a result sheet printed after an export carries the digest of that
 * package's manifest and the signing key's fingerprint, as text and as a QR code. A sheet shows
 * it only while it still describes what the package holds: every round on it certified, with the
 * same certification as when the package was written. Otherwise the box says that no package
 * holds this result yet.
 */

/**
 * What the QR code says; the verifier prints the same line to compare with. Upper case only, so
 * that it fits QR's alphanumeric mode: a smaller code, easier to scan from paper.
 */
export function sealText(digestAlgorithm: string, digest: string, fingerprint: string): string {
  const signer = fingerprint.replaceAll(' ', '');
  return `CONGRESS-TALLY-RESULTS/1 ${digestAlgorithm}:${digest} SIGNER:${signer}`.toUpperCase();
}

const latestSchema = z.strictObject({
  createdAt: z.string(),
  file: z.string(),
  size: z.int(),
  digestAlgorithm: z.enum(['sha-256', 'sm3']),
  digest: z.string(),
  digestShort: z.string(),
  fingerprint: z.string(),
  algorithm: z.enum(['ed25519', 'sm2-sm3']),
  rounds: z.array(z.strictObject({ roundId: z.int(), certifiedAt: z.string() })),
  by: z.string(),
});

const latestKey = (congressId: number) => `export.latest.${congressId}`;

export function latestExport(store: Store, congressId: number): LatestExport | null {
  const value = store.settings.get(latestKey(congressId));
  if (value === undefined) return null;
  // Written only by recordExport below: anything else is a damaged file.
  return latestSchema.parse(value);
}

/** Call inside the transaction that audits the export. */
export function recordExport(store: Store, congressId: number, latest: LatestExport): void {
  store.settings.set(latestKey(congressId), latest);
}

/** The seal for a result sheet of these rounds, or undefined while no package holds them all. */
export function resultSheetSeal(
  store: Store,
  request: { electionId: number; roundId?: number | undefined },
): Seal | undefined {
  const election = store.elections.byId(request.electionId);
  if (!election) return undefined;
  const latest = latestExport(store, election.congressId);
  if (!latest) return undefined;
  const rounds = store.elections
    .roundsOf(election.id)
    .filter((r) => isTallied(r) && (request.roundId === undefined || r.id === request.roundId));
  const packaged = new Map(latest.rounds.map((r) => [r.roundId, r.certifiedAt]));
  const held = rounds.every(
    (r) =>
      r.state === 'certified' && r.certifiedAt !== null && packaged.get(r.id) === r.certifiedAt,
  );
  return held && rounds.length > 0 ? sealOf(latest) : undefined;
}

function sealOf(latest: LatestExport): Seal {
  const text = sealText(latest.digestAlgorithm, latest.digest, latest.fingerprint);
  return {
    digest: shortForm(latest.digest),
    digestAlgorithm: latest.digestAlgorithm === 'sm3' ? 'SM3' : 'SHA-256',
    fingerprint: latest.fingerprint,
    qrSvg: renderSVG(text, { ecc: 'M', border: 2, pixelSize: 1 }),
  };
}
