import { createHash } from 'node:crypto';
import type { PrintedLayout } from '../../db/ballot-layouts';
import type { KnownRound } from '../../shared/scan/read';
import { encodeRoundCode } from '../../shared/scan/round-code';
import { ballotInstructions } from '../../shared/strings/ballot';
import type { BallotProps } from './templates/Ballot';
import { ballotGeometry, canonicalLayout } from './templates/ballotGeometry';

/** What identifies a round on its ballots: the same on every ballot of the round. */
export interface RoundIdentity {
  congress: number;
  election: number;
  round: number;
}

/** The layout a print records with the round: canonical JSON and its SHA-256 (hex). */
export interface LayoutRecord {
  json: string;
  digest: string;
}

/**
 * A ballot laid out for machine reading: the geometry the template prints from, the round code of
 * each sheet, and the layout to record with the round when it is printed.
 */
export function machineBallot(
  ballot: BallotProps,
  round: RoundIdentity,
): { props: BallotProps; layout: LayoutRecord } {
  const geometry = ballotGeometry({
    congressName: ballot.congressName,
    electionTitle: ballot.electionTitle,
    candidates: ballot.candidates,
    writeInBlanks: ballot.writeInBlanks,
    instructions: ballotInstructions(
      ballot.instructions,
      ballot.writeInBlanks,
      ballot.formalCandidates !== undefined,
    ),
  });
  const layout = layoutRecord(canonicalLayout(geometry.layout));
  const codes = geometry.layout.pages.map((_, i) => roundCodeText(round, layout.digest, i + 1));
  return { props: { ...ballot, machine: { geometry, codes } }, layout };
}

function layoutRecord(json: string): LayoutRecord {
  return { json, digest: createHash('sha256').update(json).digest('hex') };
}

/** The round code carries the first 16 hex digits of the layout's digest. */
export function codeDigest(digest: string): string {
  return digest.slice(0, 16);
}

function roundCodeText(round: RoundIdentity, digest: string, page: number): string {
  return encodeRoundCode({ ...round, layout: codeDigest(digest), page });
}

/** A printed layout as the reader takes it: its round code (page 1) and the layout. */
export function knownRound(printed: PrintedLayout, congress: number): KnownRound {
  return {
    code: {
      congress,
      election: printed.electionId,
      round: printed.roundId,
      layout: codeDigest(printed.digest),
      page: 1,
    },
    layout: printed.layout,
  };
}
